// 小区公告 (PM-083, PM-134): the property company's notices to its communities (water and power
// cuts, rules). Drafts are edited here, published after confirmation (owners then see them in the
// mini-program) and withdrawn with a reason. The content desk's API keeps them, scoped to the
// company's own communities.
import { useMemo, useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, Modal, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { FilterForm } from '../../components/FilterForm';
import { CONTENT_STATUS_LABELS, formatShanghai, type ContentAction, type ContentStatus, type ManagedContent, type ManagedContentDetail } from '@hq/common';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePagedList, useResource } from '../../components/usePagedList';
import { asApiError, useSubmit } from '../../components/useSubmit';
import { contentApi } from '../content/api';
import { ContentBody } from '../content/ContentBody';
import { STATUS_COLOURS } from '../content/dictionary';
import { communitiesApi, noticesApi } from './api';
import { NoticeEditorModal } from './NoticeEditorModal';
import { CommunitySelect } from './pickers';

interface Filters {
  communityId?: number;
  status?: ContentStatus;
  keyword?: string;
}

/** The content desk's statuses in the words of a notice board (下架 is 撤回 here). */
const NOTICE_STATUS_LABELS: Record<ContentStatus, string> = { ...CONTENT_STATUS_LABELS, withdrawn: '已撤回' };
const STATUS_OPTIONS = (Object.keys(NOTICE_STATUS_LABELS) as ContentStatus[]).map((value) => ({ value, label: NOTICE_STATUS_LABELS[value] }));
/** What the property side does to a notice here; scheduling stays on the content desk. */
const NOTICE_ACTIONS: readonly ContentAction[] = ['publish', 'withdraw', 'redraft'];
const ACTION_LABELS: Partial<Record<ContentAction, string>> = { publish: '发布', withdraw: '撤回', redraft: '退回草稿' };

function NoticeActions({ item, onDone }: { item: ManagedContent; onDone: () => void }) {
  const { message, modal } = App.useApp();
  const [withdrawing, setWithdrawing] = useState(false);
  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      message.success(done);
    } catch (e) {
      message.error(asApiError(e).message);
    } finally {
      onDone();
    }
  };
  const click = (a: ContentAction) => {
    if (a === 'withdraw') return setWithdrawing(true);
    const publish = a === 'publish';
    modal.confirm({
      title: publish ? `发布「${item.title}」？` : `将「${item.title}」退回草稿？`,
      content: publish ? '发布后，该小区的业主将在小程序中看到这条公告。' : '退回草稿后可继续编辑，业主暂时看不到。',
      okText: ACTION_LABELS[a],
      cancelText: '取消',
      onOk: () => run(() => (publish ? contentApi.publish(item.id, item.version) : contentApi.redraft(item.id, item.version)), publish ? '已发布' : '已退回草稿'),
    });
  };
  return (
    <>
      <Space size={4}>
        {item.actions
          .filter((a) => NOTICE_ACTIONS.includes(a))
          .map((a) => (
            <Button key={a} size="small" type={a === 'publish' ? 'primary' : 'default'} danger={a === 'withdraw'} onClick={() => click(a)}>
              {ACTION_LABELS[a]}
            </Button>
          ))}
      </Space>
      {withdrawing && (
        <WithdrawDialog
          item={item}
          onClose={() => setWithdrawing(false)}
          run={(reason) => run(() => contentApi.withdraw(item.id, item.version, reason), '已撤回')}
        />
      )}
    </>
  );
}

function WithdrawDialog({ item, onClose, run }: { item: ManagedContent; onClose: () => void; run: (reason: string) => Promise<void> }) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const submit = useSubmit(async ({ reason }: { reason: string }) => {
    await run(reason.trim());
    onClose();
  });
  return (
    <Modal open title={`撤回「${item.title}」`} okText="撤回" okButtonProps={{ danger: true }} confirmLoading={submit.busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <ErrorAlert error={submit.error} />
      <Form
        form={form}
        layout="vertical"
        name="noticeWithdraw"
        onFinish={(v: { reason: string }) =>
          modal.confirm({
            title: '确认撤回该公告？',
            content: '撤回后业主在小程序中将看不到这条公告。',
            okText: '确认撤回',
            okButtonProps: { danger: true },
            cancelText: '取消',
            onOk: () => submit.run(v),
          })
        }
      >
        <Form.Item label="撤回原因" name="reason" rules={[{ required: true, whitespace: true, min: 2, message: '请填写撤回原因（至少2个字）' }]}>
          <Input.TextArea maxLength={300} showCount autoSize={{ minRows: 3, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function NoticeListPage() {
  const { message } = App.useApp();
  const list = usePagedList<Filters, ManagedContent>(noticesApi.list, {});
  const communities = useResource((signal) => communitiesApi.options(signal), []);
  const names = useMemo(() => new Map((communities.data?.items ?? []).map((c) => [c.id, c.name])), [communities.data]);
  const [editing, setEditing] = useState<ManagedContentDetail | 'new' | null>(null);
  const [opening, setOpening] = useState<number | null>(null);

  const [previewing, setPreviewing] = useState<ManagedContentDetail | null>(null);

  const load = async (id: number, then: (n: ManagedContentDetail) => void) => {
    setOpening(id);
    try {
      then(await noticesApi.get(id));
    } catch (e) {
      message.error(asApiError(e).message);
    } finally {
      setOpening(null);
    }
  };
  const edit = (id: number) => load(id, setEditing);
  const preview = (id: number) => load(id, setPreviewing);

  const columns: TableColumnsType<ManagedContent> = [
    { title: '标题', dataIndex: 'title', ellipsis: true, render: (t: string, n) => <Typography.Link onClick={() => void preview(n.id)}>{t}</Typography.Link> },
    { title: '小区', dataIndex: 'communityId', width: 150, ellipsis: true, render: (id: number | null) => (id == null ? '—' : names.get(id) ?? `小区 ${id}`) },
    { title: '发布单位', dataIndex: 'issuer', width: 130, ellipsis: true, render: (v: string | null) => v ?? '—' },
    {
      title: '状态',
      dataIndex: 'status',
      width: 100,
      render: (s: ContentStatus) => <Tag color={STATUS_COLOURS[s]}>{NOTICE_STATUS_LABELS[s]}</Tag>,
    },
    { title: '发布时间', dataIndex: 'publishedAt', width: 150, render: (at: string | null) => (at ? formatShanghai(at, false) : '—') },
    { title: '更新时间', dataIndex: 'updatedAt', width: 150, render: (at: string) => formatShanghai(at, false) },
    {
      title: '操作',
      key: 'actions',
      width: 220,
      fixed: 'right',
      render: (_, n) => (
        <Space size={4}>
          {n.status === 'draft' && (
            <Button size="small" loading={opening === n.id} onClick={() => void edit(n.id)}>
              编辑
            </Button>
          )}
          <NoticeActions item={n} onDone={list.reload} />
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        小区公告
      </Typography.Title>
      <Card>
        <FilterForm<Filters> name="noticeFilters" onFinish={(v) => list.search({ ...v, keyword: v.keyword?.trim() || undefined })} onReset={() => list.search({})}>
          <Form.Item label="小区" name="communityId">
            <CommunitySelect style={{ width: 220 }} />
          </Form.Item>
          <Form.Item label="状态" name="status">
            <Select placeholder="全部" allowClear options={STATUS_OPTIONS} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item label="关键字" name="keyword">
            <Input placeholder="标题" allowClear maxLength={50} style={{ width: 180 }} />
          </Form.Item>
        </FilterForm>
      </Card>
      <Card
        title="停水停电、管理规约等公告"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新建公告
          </Button>
        }
      >
        <ErrorAlert error={list.error} />
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          scroll={{ x: 1100 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有公告" /> }}
          pagination={list.pagination}
        />
      </Card>
      {previewing && (
        <Modal open title={previewing.title} footer={null} onCancel={() => setPreviewing(null)} width={720} destroyOnHidden>
          <Typography.Paragraph type="secondary">
            {previewing.communityId != null ? names.get(previewing.communityId) ?? '' : ''}
            {previewing.issuer ? `｜${previewing.issuer}` : ''}
            {previewing.publishedAt ? `｜${formatShanghai(previewing.publishedAt, false)} 发布` : '｜未发布'}
          </Typography.Paragraph>
          <div className="content-preview">
            <ContentBody body={previewing.body} />
          </div>
        </Modal>
      )}
      {editing && (
        <NoticeEditorModal
          notice={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            message.success(editing === 'new' ? '已保存为草稿，发布后业主可见' : '已保存');
            setEditing(null);
            list.reload();
          }}
        />
      )}
    </Space>
  );
}
