// The workflow buttons of one item: only the actions its status allows (the API lists them),
// each confirmed, each sent with the version the person saw.
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { CONTENT_ACTION_LABELS, type ContentAction, type ManagedContent, type ManagedContentDetail } from '@hq/common';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError, useSubmit } from '../../components/useSubmit';
import { contentApi } from './api';

type Item = Pick<ManagedContent, 'id' | 'title' | 'version' | 'actions' | 'status'>;

export function ContentActions({
  item, onDone, size = 'middle', disabled,
}: { item: Item; onDone: (next: ManagedContentDetail | null) => void; size?: 'small' | 'middle'; disabled?: boolean }) {
  const { message, modal } = App.useApp();
  const [dialog, setDialog] = useState<'schedule' | 'withdraw' | null>(null);

  /** On 409 (someone else moved it) the caller reloads; the server's reason is shown either way. */
  const run = async (action: () => Promise<ManagedContentDetail>, done: string) => {
    try {
      const next = await action();
      message.success(done);
      onDone(next);
    } catch (e) {
      const err = asApiError(e);
      message.error(err.message);
      if (err.status === 409) onDone(null);
      throw err;
    }
  };

  const click = (action: ContentAction) => {
    if (action === 'schedule' || action === 'withdraw') return setDialog(action);
    const publish = action === 'publish';
    modal.confirm({
      title: publish ? `立即发布「${item.title}」？` : `将「${item.title}」退回草稿？`,
      content: publish ? '发布后将在门户网站和小程序上对社会公开。' : '退回草稿后，内容不再按计划发布，可继续编辑。',
      okText: CONTENT_ACTION_LABELS[action],
      cancelText: '取消',
      onOk: () =>
        run(() => (publish ? contentApi.publish(item.id, item.version) : contentApi.redraft(item.id, item.version)), publish ? '已发布' : '已退回草稿').catch(
          () => undefined,
        ),
    });
  };

  return (
    <>
      <Space size={4} wrap>
        {item.actions.map((a) => (
          <Button key={a} size={size} type={a === 'publish' ? 'primary' : 'default'} danger={a === 'withdraw'} disabled={disabled} onClick={() => click(a)}>
            {CONTENT_ACTION_LABELS[a]}
          </Button>
        ))}
      </Space>
      {dialog === 'schedule' && (
        <ScheduleDialog item={item} onClose={() => setDialog(null)} run={(at) => run(() => contentApi.schedule(item.id, item.version, at), '已设置定时发布')} />
      )}
      {dialog === 'withdraw' && (
        <WithdrawDialog item={item} onClose={() => setDialog(null)} run={(reason) => run(() => contentApi.withdraw(item.id, item.version, reason), '已下架')} />
      )}
    </>
  );
}

function ScheduleDialog({ item, onClose, run }: { item: Item; onClose: () => void; run: (publishAt: string) => Promise<void> }) {
  const [form] = Form.useForm<{ at: Dayjs }>();
  const submit = useSubmit(async ({ at }: { at: Dayjs }) => {
    // The picker works in the browser's zone; the API takes an instant with its offset.
    await run(at.second(0).millisecond(0).format('YYYY-MM-DDTHH:mm:ssZ'));
    onClose();
  });
  return (
    <Modal open title={`定时发布「${item.title}」`} okText="确定" confirmLoading={submit.busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <ErrorAlert error={submit.error} />
      <Form form={form} layout="vertical" name="contentSchedule" onFinish={submit.run}>
        <Form.Item
          label="发布时间"
          name="at"
          extra="到达该时间后自动对外公开；须晚于当前时间至少1分钟，不晚于一年后"
          rules={[
            { required: true, message: '请选择发布时间' },
            { validator: (_, v: Dayjs | undefined) => (!v || v.isAfter(dayjs().add(1, 'minute')) ? Promise.resolve() : Promise.reject(new Error('发布时间须晚于当前时间至少1分钟'))) },
          ]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isBefore(dayjs(), 'day')} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function WithdrawDialog({ item, onClose, run }: { item: Item; onClose: () => void; run: (reason: string) => Promise<void> }) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const submit = useSubmit(async ({ reason }: { reason: string }) => {
    await run(reason.trim());
    onClose();
  });
  const confirm = (v: { reason: string }) =>
    modal.confirm({
      title: `确认下架「${item.title}」？`,
      content: '下架后门户网站和小程序将不再显示该内容。',
      okText: '确认下架',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => submit.run(v),
    });
  return (
    <Modal open title="下架内容" okText="下架" okButtonProps={{ danger: true }} confirmLoading={submit.busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <ErrorAlert error={submit.error} />
      <Form form={form} layout="vertical" name="contentWithdraw" onFinish={confirm}>
        <Form.Item label="下架原因" name="reason" rules={[{ required: true, whitespace: true, min: 2, message: '请填写下架原因（至少2个字）' }]}>
          <Input.TextArea maxLength={300} showCount autoSize={{ minRows: 3, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
