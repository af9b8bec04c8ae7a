// 办理: exactly the buttons the ticket's `actions` lists (the shared table in common/tickets.ts,
// as the API computed it for this person), labelled from common. A step that needs something —
// a result, a person to dispatch to, an after photo, the original's number, a rating — asks for it
// in a dialog; every step is confirmed before it is sent with the version the page showed. The
// server's refusal is shown as it came: its message, and each field's problem under that field.
import { useEffect, useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Rate, Select, Space, Typography } from 'antd';
import {
  MAX_PHOTOS_PER_STEP, findTicketTransition, type TicketAction, type TicketActionInput, type TicketDetail, type TicketTransition,
} from '@hq/common';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/useSubmit';
import type { ApiError } from '../../providers/transport';
import { ticketsApi, type Assignee } from './api';
import { DANGER_TICKET_ACTIONS, PRIMARY_TICKET_ACTIONS, TICKET_ACTION_LABELS, TICKET_KIND_LABELS } from './dictionary';
import { UploadList, type UploadedFile } from './UploadList';

type Need = NonNullable<TicketTransition['needs']>[number];

/** Steps whose only input is an optional note still get the dialog when they say something to people. */
const DIALOG_ACTIONS: readonly TicketAction[] = ['dispatch', 'resolve', 'not_responsible', 'duplicate', 'rate', 'reopen', 'note'];

const NOTE_LABELS: Partial<Record<TicketAction, string>> = {
  resolve: '处理结果',
  not_responsible: '理由及建议的处理途径',
  duplicate: '说明',
  reopen: '重新打开的原因',
  note: '补充说明',
  rate: '评价内容',
  dispatch: '派单说明',
};

function confirmText(action: TicketAction, d: TicketDetail): { title: string; content: string } {
  const kind = TICKET_KIND_LABELS[d.kind];
  switch (action) {
    case 'accept':
      return { title: `确认受理该${kind}？`, content: `受理后按期限 ${d.dueDate} 办理，受理情况将告知上报人。` };
    case 'dispatch':
      return { title: '确认派单？', content: '处理人（或处理单位）将收到待办通知和短信。' };
    case 'start':
      return { title: '确认开始处理？', content: '状态将变为「处理中」。' };
    case 'resolve':
      return { title: `确认办结该${kind}？`, content: '办结后处理结果将通过短信告知上报人；上报人可在评价期内评价或重新打开。' };
    case 'not_responsible':
      return { title: '确认标记为非本单位职责？', content: '该结论及理由将通过短信告知上报人，本单位不再办理。' };
    case 'duplicate':
      return { title: '确认标记为重复件？', content: '将按所填原工单合并处理，并告知上报人。' };
    case 'close':
      return { title: `确认关闭该${kind}？`, content: '关闭后不能再评价或重新打开。' };
    case 'withdraw':
      return { title: `确认撤回该${kind}？`, content: '撤回后不能恢复。' };
    case 'reopen':
      return { title: `确认重新打开该${kind}？`, content: '将重新计算办理期限并通知处理单位。' };
    case 'rate':
      return { title: '确认提交评价？', content: '评价后工单关闭。' };
    default:
      return { title: `确认${TICKET_ACTION_LABELS[action]}？`, content: '' };
  }
}

interface DialogValues {
  note?: string;
  assignee?: string;
  photos?: UploadedFile[];
  duplicateOf?: string;
  rating?: number;
}

/** Where each of the API's field names shows in the dialog. */
const FIELD_OF: Record<string, keyof DialogValues> = {
  note: 'note', assigneeUserId: 'assignee', assigneeOrgId: 'assignee', photos: 'photos', duplicateOf: 'duplicateOf', rating: 'rating',
};

const assigneeKey = (a: Assignee) => (a.userId != null ? `u:${a.userId}` : `o:${a.orgId}`);

export function TicketActionsCard({ detail, onDone, onStale }: { detail: TicketDetail; onDone: (next: TicketDetail) => void; onStale: () => void }) {
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState<TicketAction | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [dialog, setDialog] = useState<TicketAction | null>(null);

  /** Sends the step; a stale page reloads, anything else is answered by the caller (field errors) or shown here. */
  const send = async (action: TicketAction, input: Omit<TicketActionInput, 'action' | 'version'>): Promise<ApiError | null> => {
    setBusy(action);
    setError(null);
    try {
      const next = await ticketsApi.act(detail.id, { action, version: detail.version, ...input });
      message.success(`已${TICKET_ACTION_LABELS[action]}`);
      setDialog(null);
      onDone(next);
      return null;
    } catch (e) {
      const err = asApiError(e);
      if (err.code === 'STALE_TICKET' || err.code === 'TICKET_TRANSITION') {
        message.error(err.message);
        setDialog(null);
        onStale();
        return null;
      }
      return err;
    } finally {
      setBusy(null);
    }
  };

  const click = (action: TicketAction) => {
    setError(null);
    if (DIALOG_ACTIONS.includes(action)) return setDialog(action);
    const { title, content } = confirmText(action, detail);
    modal.confirm({
      title,
      content,
      okText: TICKET_ACTION_LABELS[action],
      okButtonProps: { danger: DANGER_TICKET_ACTIONS.includes(action) },
      cancelText: '取消',
      onOk: async () => {
        const err = await send(action, {});
        if (err) setError(err);
      },
    });
  };

  return (
    <Card title="办理">
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {detail.actions.length ? (
        <Space wrap>
          {detail.actions.map((a) => (
            <Button
              key={a}
              type={PRIMARY_TICKET_ACTIONS.includes(a) ? 'primary' : 'default'}
              danger={DANGER_TICKET_ACTIONS.includes(a)}
              loading={busy === a}
              disabled={busy !== null && busy !== a}
              onClick={() => click(a)}
            >
              {TICKET_ACTION_LABELS[a]}
            </Button>
          ))}
        </Space>
      ) : (
        <Typography.Text type="secondary">当前没有您可以办理的操作。</Typography.Text>
      )}
      {dialog && <ActionDialog action={dialog} detail={detail} busy={busy === dialog} send={send} onClose={() => setDialog(null)} />}
    </Card>
  );
}

function ActionDialog({
  action, detail, busy, send, onClose,
}: {
  action: TicketAction;
  detail: TicketDetail;
  busy: boolean;
  send: (action: TicketAction, input: Omit<TicketActionInput, 'action' | 'version'>) => Promise<ApiError | null>;
  onClose: () => void;
}) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<DialogValues>();
  const [error, setError] = useState<ApiError | null>(null);
  const [uploading, setUploading] = useState(false);
  const [assignees, setAssignees] = useState<Assignee[] | null>(null);
  const tr = findTicketTransition(detail.kind, detail.status, action);
  const needs = new Set<Need>(tr?.needs ?? []);
  const label = TICKET_ACTION_LABELS[action];
  const noteLabel = NOTE_LABELS[action] ?? '说明';
  const withPhotos = action === 'resolve' || action === 'note';

  useEffect(() => {
    if (action !== 'dispatch') return;
    const ctrl = new AbortController();
    ticketsApi.assignees(detail.id, ctrl.signal).then(setAssignees, (e: unknown) => {
      if (!ctrl.signal.aborted) {
        setAssignees([]);
        setError(asApiError(e));
      }
    });
    return () => ctrl.abort();
  }, [action, detail.id]);

  const submit = (v: DialogValues) => {
    const picked = assignees?.find((a) => assigneeKey(a) === v.assignee);
    const input: Omit<TicketActionInput, 'action' | 'version'> = {
      note: v.note?.trim() || undefined,
      ...(picked ? (picked.userId != null ? { assigneeUserId: picked.userId } : { assigneeOrgId: picked.orgId! }) : {}),
      ...(v.photos?.length ? { photos: v.photos.map((p) => ({ fileId: p.fileId })), photoStage: action === 'resolve' ? 'after' as const : 'before' as const } : {}),
      ...(v.duplicateOf ? { duplicateOf: v.duplicateOf.trim().toUpperCase() } : {}),
      ...(v.rating ? { rating: v.rating } : {}),
    };
    const go = async () => {
      setError(null);
      const err = await send(action, input);
      if (!err) return;
      // Field problems go under their fields; the rest (and the message) above the form.
      const shown = err.details.filter((d) => FIELD_OF[d.field]);
      form.setFields(shown.map((d) => ({ name: FIELD_OF[d.field], errors: [d.message] })));
      if (shown.length === 0 || shown.length < err.details.length) setError(err);
    };
    const { title, content } = confirmText(action, detail);
    modal.confirm({
      title,
      content: (
        <>
          <p>{content}</p>
          {picked && <p>派给：{picked.name}</p>}
          {input.note && (
            <p>
              {noteLabel}：{input.note}
            </p>
          )}
        </>
      ),
      okText: label,
      okButtonProps: { danger: DANGER_TICKET_ACTIONS.includes(action) },
      cancelText: '取消',
      onOk: go,
    });
  };

  const companies = (assignees ?? []).filter((a) => a.userId == null);
  const people = (assignees ?? []).filter((a) => a.userId != null);
  const option = (a: Assignee) => ({ value: assigneeKey(a), label: `${a.name}（在办 ${a.openTickets} 件）` });

  return (
    <Modal
      open
      title={`${label}｜${detail.ticketNo}`}
      okText={label}
      okButtonProps={{ danger: DANGER_TICKET_ACTIONS.includes(action), disabled: uploading }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={600}
    >
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Form<DialogValues> form={form} layout="vertical" name={`ticketAction-${action}`} onFinish={submit}>
        {action === 'dispatch' && (
          <Form.Item
            label="派给"
            name="assignee"
            rules={[{ required: true, message: '请选择处理人或处理单位' }]}
            extra={companies.length ? '主管部门受理的投诉可派给物业服务企业办理（本小区的物业服务企业排在最前）。' : undefined}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={assignees === null}
              placeholder="请选择"
              notFoundContent={assignees === null ? '正在加载…' : '没有可派单的对象'}
              options={[
                ...(companies.length ? [{ label: '物业服务企业', options: companies.map(option) }] : []),
                ...(people.length ? [{ label: '工作人员', options: people.map(option) }] : []),
              ]}
            />
          </Form.Item>
        )}
        {action === 'duplicate' && (
          <Form.Item
            label="原工单编号"
            name="duplicateOf"
            rules={[
              { required: true, whitespace: true, message: '请填写与之重复的工单编号' },
              { pattern: /^\s*[A-Za-z]{2}\d{10}\s*$/, message: '工单编号如 TS2026000123' },
            ]}
          >
            <Input maxLength={32} placeholder="如 TS2026000123" />
          </Form.Item>
        )}
        {action === 'rate' && (
          <Form.Item label="评分" name="rating" rules={[{ required: true, message: '请选择评分（1-5星）' }]}>
            <Rate />
          </Form.Item>
        )}
        <Form.Item
          label={noteLabel}
          name="note"
          // The table says when a note is required; the API checks the same and answers per field.
          rules={needs.has('note') ? [{ required: true, whitespace: true, message: `请填写${noteLabel}` }] : []}
        >
          <Input.TextArea maxLength={action === 'rate' ? 500 : 2000} showCount autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        {withPhotos && (
          <Form.Item
            label={action === 'resolve' ? '处理后照片' : '现场照片'}
            name="photos"
            valuePropName="value"
            rules={needs.has('afterPhoto') ? [{ required: true, type: 'array', min: 1, message: '请上传处理后的照片（至少1张）' }] : []}
            extra={detail.kind === 'patrol' ? '巡查问题的照片须在小程序中现场拍摄。' : undefined}
          >
            <UploadList images max={MAX_PHOTOS_PER_STEP} label="照片" onBusy={setUploading} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
