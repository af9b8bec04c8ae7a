// 本企业信息 (developer, agency and property-company staff): the registry's facts, certificates with
// their status and PDF, the credit grade with how it is made up, the applications that start from
// here (注册/备案, 变更, 资质), and those in progress. Starting one makes a draft of that business
// type and opens it on the application page, where it is filled in and submitted.
import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { formatShanghai, type ApplicationSummary, type CreditSubjectKind } from '@hq/common';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useResource } from '../../components/usePagedList';
import { asApiError } from '../../components/useSubmit';
import { applicationsApi } from '../applications/api';
import { STATUS_COLOURS } from '../applications/dictionary';
import { creditApi } from '../credit/api';
import { CreditExplanation } from '../credit/CreditExplanation';
import { CreditGradeTag } from '../credit/CreditGradeTag';
import { enterprisesApi, type EnterpriseDetail } from './api';
import { CertificatesTable } from './CertificatesTable';
import { EnterpriseFacts } from './EnterpriseFacts';
import { initialForm, isEnterpriseApplication, isOpen, startOptions, type StartOption } from './enterpriseApplications';

export function MyEnterprisePage() {
  const mine = useResource((signal) => enterprisesApi.mine(signal), []);
  const d = mine.data;
  if (!d) {
    return (
      <Card>{mine.error ? <Result status={mine.error.status === 404 ? '404' : 'error'} title={mine.error.message} /> : <Skeleton active />}</Card>
    );
  }
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space align="center" wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          本企业信息
        </Typography.Title>
        <Typography.Text type="secondary">{d.name}</Typography.Text>
        <CreditGradeTag credit={d.credit} />
      </Space>
      <ApplicationsCard detail={d} />
      <Card title="登记信息" extra={d.profileUrl && <Typography.Link href={d.profileUrl} target="_blank">公示页面</Typography.Link>}>
        <EnterpriseFacts detail={d} />
      </Card>
      <Card title="资质与备案证书">
        <CertificatesTable certificates={d.certificates} title={currentCertificateText(d)} />
      </Card>
      <CreditCard kind={d.kind} id={d.id} />
    </Space>
  );
}

function currentCertificateText(d: EnterpriseDetail): string {
  const c = d.kind === 'developer' ? d.qualification : d.filing;
  const what = d.kind === 'developer' ? '资质证书' : '备案证明';
  if (!c) return `本企业尚无${what}`;
  return `现行${what}：${c.certNo}${c.gradeLabel ? `（${c.gradeLabel}）` : ''}，${c.statusLabel}${c.validUntil ? `，有效期至 ${c.validUntil}` : ''}`;
}

/** 办理: the applications that may start now, and those already under way (drafts included). */
function ApplicationsCard({ detail }: { detail: EnterpriseDetail }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const apps = useResource((signal) => applicationsApi.inbox({ box: 'mine', page: 1, pageSize: 100 }, signal), []);
  const [starting, setStarting] = useState<string | null>(null);
  const ours = (apps.data?.items ?? []).filter(isEnterpriseApplication);
  const open = ours.filter(isOpen);
  const options = startOptions(detail);

  const start = async (o: StartOption) => {
    // One application of a kind at a time: an unfinished one is continued rather than duplicated.
    const existing = open.find((a) => a.type === o.type);
    if (existing) {
      navigate(`/applications/${existing.id}`);
      return;
    }
    setStarting(o.type);
    try {
      const draft = await applicationsApi.create(o.type, initialForm(o.type, detail));
      navigate(`/applications/${draft.id}`);
    } catch (e) {
      message.error(asApiError(e).message);
    } finally {
      setStarting(null);
    }
  };

  return (
    <Card title="办理业务">
      <ErrorAlert error={apps.error} />
      {options.length ? (
        <Space wrap size="middle" style={{ marginBottom: 16 }}>
          {options.map((o) => {
            const existing = open.find((a) => a.type === o.type);
            return (
              <Space key={o.type} orientation="vertical" size={2}>
                <Button type="primary" icon={existing ? undefined : <PlusOutlined />} loading={starting === o.type} disabled={apps.loading} onClick={() => void start(o)}>
                  {existing ? `继续${o.label.replace(/^办理/, '')}` : o.label}
                </Button>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {existing ? `已有${existing.statusText}的申请` : o.hint}
                </Typography.Text>
              </Space>
            );
          })}
        </Space>
      ) : (
        <Typography.Paragraph type="secondary">
          {detail.status === 'cancelled' ? '本企业已注销，不能再办理登记业务。' : '本企业登记事项已办结，暂无可办理的登记业务。'}
        </Typography.Paragraph>
      )}
      <Table<ApplicationSummary>
        rowKey="id"
        size="small"
        title={() => <Typography.Text strong>办理中的申请</Typography.Text>}
        loading={apps.loading}
        dataSource={open}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有办理中的申请" /> }}
        columns={[
          { title: '申请事项', dataIndex: 'title', render: (t: string, a) => <Link to={`/applications/${a.id}`}>{t}</Link> },
          { title: '业务类型', dataIndex: 'typeLabel', width: 170 },
          { title: '受理编号', dataIndex: 'appNo', width: 140, render: (n: string | null) => n ?? <Typography.Text type="secondary">未提交</Typography.Text> },
          { title: '状态', dataIndex: 'statusText', width: 150, render: (t: string, a) => <Tag color={STATUS_COLOURS[a.status]}>{t}</Tag> },
          { title: '更新时间', dataIndex: 'updatedAt', width: 150, render: (at: string) => formatShanghai(at, false) },
        ]}
      />
      {detail.history.length > 0 && (
        <Table
          rowKey="applicationId"
          size="small"
          style={{ marginTop: 16 }}
          title={() => <Typography.Text strong>办理记录</Typography.Text>}
          dataSource={detail.history.filter((h) => !isOpen(h))}
          pagination={{ pageSize: 5, size: 'small', hideOnSinglePage: true }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无办结的申请" /> }}
          columns={[
            { title: '业务类型', dataIndex: 'typeLabel', render: (t: string, h) => <Link to={`/applications/${h.applicationId}`}>{t}</Link> },
            { title: '受理编号', dataIndex: 'appNo', width: 140, render: (n: string | null) => n ?? '—' },
            {
              title: '结果',
              dataIndex: 'statusText',
              width: 200,
              render: (t: string, h) => (
                <Space size={4}>
                  <Tag color={STATUS_COLOURS[h.status as keyof typeof STATUS_COLOURS] ?? 'default'}>{t}</Tag>
                  {h.corrected && <Tag color="purple">审核人员修正</Tag>}
                </Space>
              ),
            },
            { title: '办结时间', dataIndex: 'decidedAt', width: 150, render: (at: string | null) => (at ? formatShanghai(at, false) : '—') },
          ]}
        />
      )}
    </Card>
  );
}

function CreditCard({ kind, id }: { kind: CreditSubjectKind; id: number }) {
  const subject = useResource((signal) => creditApi.subject(kind, id, signal), [kind, id]);
  return (
    <Card title="信用评价">
      <ErrorAlert error={subject.error} />
      {subject.data ? <CreditExplanation explanation={subject.data.explanation} /> : subject.loading && <Skeleton active />}
    </Card>
  );
}
