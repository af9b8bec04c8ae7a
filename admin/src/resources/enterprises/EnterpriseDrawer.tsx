// One enterprise of the directory: its registry facts, certificates, credit (with the explained
// score) and, for regulators, its login accounts; 终审 and 分管领导 may cancel an agency's filing here.
import { useState } from 'react';
import { App, Button, Drawer, Empty, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { ROLE_LABELS, type Role } from '@hq/common';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useResource } from '../../components/usePagedList';
import { useAccess } from '../../providers/access';
import { creditApi } from '../credit/api';
import { CreditExplanation } from '../credit/CreditExplanation';
import { CreditGradeTag } from '../credit/CreditGradeTag';
import { subjectPath } from '../credit/dictionary';
import { enterprisesApi, type EnterpriseAccount, type EnterpriseDetail } from './api';
import { CancelAgencyModal } from './CancelAgencyModal';
import { CertificatesTable } from './CertificatesTable';
import { ACCOUNT_READER_ROLES, AGENCY_CANCEL_ROLES } from './dictionary';
import { EnterpriseFacts } from './EnterpriseFacts';

export function EnterpriseDrawer({ id, onClose, onChanged }: { id: number; onClose: () => void; onChanged: () => void }) {
  const { message } = App.useApp();
  const { hasRole, pages } = useAccess();
  const detail = useResource((signal) => enterprisesApi.get(id, signal), [id]);
  const [cancelling, setCancelling] = useState(false);
  const d = detail.data;
  const mayCancel = !!d && d.kind === 'agency' && d.status === 'active' && hasRole(...AGENCY_CANCEL_ROLES);
  const creditPage = pages.some((p) => p.key === 'credit-subjects');

  return (
    <Drawer
      open
      size={900}
      title={d ? d.name : '企业详情'}
      onClose={onClose}
      destroyOnHidden
      extra={
        mayCancel && (
          <Button danger onClick={() => setCancelling(true)}>
            注销备案
          </Button>
        )
      }
    >
      <ErrorAlert error={detail.error} />
      {!d ? (
        detail.loading && <Skeleton active />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap>
            <Tag>{d.kindLabel}</Tag>
            <Typography.Text>信用等级</Typography.Text>
            <CreditGradeTag credit={d.credit} />
            {creditPage && <Link to={subjectPath(d.kind, d.id)}>信用评价详情</Link>}
            {d.profileUrl && (
              <Typography.Link href={d.profileUrl} target="_blank">
                公示页面
              </Typography.Link>
            )}
          </Space>
          <Tabs
            items={[
              { key: 'facts', label: '登记信息', children: <EnterpriseFacts detail={d} /> },
              { key: 'certs', label: '证书', children: <CertificatesTable certificates={d.certificates} /> },
              { key: 'credit', label: '信用', children: <CreditTab detail={d} /> },
              { key: 'history', label: '办理记录', children: <HistoryTab detail={d} /> },
              ...(hasRole(...ACCOUNT_READER_ROLES) ? [{ key: 'accounts', label: '登录账户', children: <AccountsTab id={d.id} /> }] : []),
            ]}
          />
        </Space>
      )}
      {cancelling && d && (
        <CancelAgencyModal
          agency={d}
          onClose={() => setCancelling(false)}
          onDone={(released) => {
            setCancelling(false);
            message.success(`已注销「${d.name}」的备案${released ? `，${released} 名经纪人已解除执业` : ''}`);
            detail.reload();
            onChanged();
          }}
        />
      )}
    </Drawer>
  );
}

function CreditTab({ detail }: { detail: EnterpriseDetail }) {
  const subject = useResource((signal) => creditApi.subject(detail.kind, detail.id, signal), [detail.kind, detail.id]);
  if (subject.error) return <ErrorAlert error={subject.error} />;
  return subject.data ? <CreditExplanation explanation={subject.data.explanation} /> : <Skeleton active />;
}

function HistoryTab({ detail }: { detail: EnterpriseDetail }) {
  return (
    <Table
      rowKey="applicationId"
      size="small"
      dataSource={detail.history}
      pagination={detail.history.length > 10 ? { pageSize: 10, size: 'small' } : false}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无注册、备案或变更申请" /> }}
      columns={[
        { title: '业务类型', dataIndex: 'typeLabel' },
        { title: '受理编号', dataIndex: 'appNo', width: 140, render: (n: string | null) => n ?? '—' },
        {
          title: '状态',
          dataIndex: 'statusText',
          width: 220,
          render: (t: string, h) => (
            <Space size={4}>
              <Tag>{t}</Tag>
              {h.corrected && <Tag color="purple">审核人员修正</Tag>}
            </Space>
          ),
        },
      ]}
    />
  );
}

const ACCOUNT_STATUS: Record<string, string> = { active: '正常', locked: '已锁定', disabled: '已停用' };

function AccountsTab({ id }: { id: number }) {
  const accounts = useResource((signal) => enterprisesApi.accounts(id, signal), [id]);
  return (
    <>
      <ErrorAlert error={accounts.error} />
      <Table<EnterpriseAccount>
        rowKey="id"
        size="small"
        loading={accounts.loading}
        dataSource={accounts.data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该企业尚未开设登录账户" /> }}
        columns={[
          { title: '用户名', dataIndex: 'username', width: 130, render: (u: string | null) => u ?? '—' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '角色', dataIndex: 'roles', render: (roles: string[]) => roles.map((r) => ROLE_LABELS[r as Role] ?? r).join('、') || '—' },
          { title: '手机号', dataIndex: 'phone', width: 130, render: (p: string | null) => p ?? '—' },
          { title: '实名认证', dataIndex: 'realNameVerified', width: 90, render: (v: boolean) => (v ? '已认证' : '未认证') },
          { title: '状态', dataIndex: 'status', width: 80, render: (s: string) => ACCOUNT_STATUS[s] ?? s },
        ]}
      />
    </>
  );
}
