// 办理: exactly the buttons the API allows this person now (detail.allowedActions, labelled from
// common's table), the reviewer's opinion (required to return or reject), and a confirmation
// before anything that hands the application on or ends it.
import { useState } from 'react';
import { App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { WORKFLOW_ACTION_LABELS, findTransition, formatShanghai, type ApplicationDetail, type WorkflowAction } from '@hq/common';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/useSubmit';
import type { ApiError } from '../../providers/transport';
import { applicationsApi } from './api';
import { DANGER_ACTIONS, PRIMARY_ACTIONS } from './dictionary';

function confirmText(action: WorkflowAction, d: ApplicationDetail): { title: string; content: string } {
  const first = d.steps[0]?.label ?? '审核';
  switch (action) {
    case 'submit':
      return { title: '确认提交申请？', content: `提交后进入「${first}」环节，审核期间不能修改申请表和材料。` };
    case 'resubmit':
      return { title: '确认补正后重新提交？', content: `申请将重新从「${first}」环节开始审核，退回前的版本保留备查。` };
    case 'withdraw':
      return { title: '确认撤回申请？', content: '撤回后本申请即办结，不能恢复；如需办理，请重新申请。' };
    case 'approve': {
      const next = d.steps[d.step];
      return next
        ? { title: `确认「${d.stepLabel ?? ''}」通过？`, content: `通过后转「${next.label}」环节办理。` }
        : { title: '确认终审通过？', content: '终审通过后将核发证号，所选房屋在楼盘表上同步变为可售，并对外公示。' };
    }
    case 'return':
      return { title: '确认退回补正？', content: '申请将退回申请单位补充材料，审核意见会通知申请单位。' };
    case 'reject':
      return { title: '确认不予通过？', content: '不予通过后本申请即办结，不能恢复，审核意见会通知申请单位。' };
    case 'correct':
      return { title: '确认提交修正？', content: '修正后的申请表将保存为新版本（原版本保留，可比较差异），修正原因会通知申请单位。' };
    default:
      return { title: `确认${WORKFLOW_ACTION_LABELS[action]}？`, content: '' };
  }
}

function waitingText(d: ApplicationDetail): string {
  if (d.status === 'approved' || d.status === 'rejected' || d.status === 'withdrawn') return `本申请已办结（${d.statusText}）。`;
  if (d.status === 'submitted' || d.status === 'in_review') {
    const due = d.deadlineAt ? `，办理时限 ${formatShanghai(d.deadlineAt, false).slice(0, 10)}` : '';
    return `申请正在「${d.stepLabel ?? ''}」环节审核${due}。`;
  }
  return '当前没有您可以办理的操作。';
}

export function ActionsCard({
  detail, prepare, onDone, onStale, correction,
}: {
  detail: ApplicationDetail;
  /** Saves what is pending and answers the application as the server now has it (null if that failed). */
  prepare: () => Promise<ApplicationDetail | null>;
  onDone: (next: ApplicationDetail) => void;
  onStale: () => void;
  /** 审核人员修正: the reviewer edits the form on the page, then sends it with the reason. */
  correction: { available: boolean; active: boolean; start: () => void; cancel: () => void; collect: () => Record<string, unknown> };
}) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ opinion?: string }>();
  const [busy, setBusy] = useState<WorkflowAction | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // A correction needs the type's form on this page; without one the button could only send nothing.
  const actions = detail.allowedActions.filter((a) => a !== 'correct' || correction.available);
  const reviewing = actions.some((a) => findTransition(detail.status, a)?.by === 'reviewer');

  const send = async (action: WorkflowAction, opinion: string | undefined) => {
    setBusy(action);
    setError(null);
    try {
      const latest = await prepare();
      if (!latest) return;
      const corrected = action === 'correct' ? correction.collect() : undefined;
      const next = await applicationsApi.act(detail.id, { action, opinion, lockVersion: latest.lockVersion, form: corrected });
      form.resetFields();
      onDone(next);
      message.success(`已${WORKFLOW_ACTION_LABELS[action]}`);
    } catch (e) {
      const err = asApiError(e);
      if (err.status === 409) {
        message.error(err.message);
        onStale();
      } else setError(err);
    } finally {
      setBusy(null);
    }
  };

  const click = async (action: WorkflowAction) => {
    setError(null);
    if (action === 'save') {
      setBusy('save');
      const saved = await prepare().finally(() => setBusy(null));
      if (saved) message.success('草稿已保存');
      return;
    }
    if (action === 'correct' && !correction.active) {
      correction.start();
      message.info('请直接在申请表中修正，填写修正原因后点击「提交修正」');
      return;
    }
    const opinion = (form.getFieldValue('opinion') as string | undefined)?.trim() || undefined;
    if (findTransition(detail.status, action)?.opinion && !opinion) {
      form.setFields([{ name: 'opinion', errors: [`「${WORKFLOW_ACTION_LABELS[action]}」须填写审核意见`] }]);
      return;
    }
    if (action === 'submit' || action === 'resubmit') {
      setBusy(action);
      const latest = await prepare().finally(() => setBusy(null));
      if (!latest) return;
      if (latest.missing.length) {
        modal.warning({
          title: `尚有 ${latest.missing.length} 项不满足提交条件`,
          content: (
            <ol className="app-missing">
              {latest.missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ol>
          ),
          okText: '知道了',
        });
        return;
      }
    }
    const { title, content } = confirmText(action, detail);
    modal.confirm({
      title,
      content: opinion ? (
        <>
          <p>{content}</p>
          <p>审核意见：{opinion}</p>
        </>
      ) : (
        content
      ),
      okText: WORKFLOW_ACTION_LABELS[action],
      okButtonProps: { danger: DANGER_ACTIONS.includes(action) },
      cancelText: '取消',
      onOk: () => send(action, opinion),
    });
  };

  return (
    <Card title="办理">
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {reviewing && (
        <Form form={form} layout="vertical" name="reviewOpinion">
          <Form.Item
            label={correction.active ? '修正原因' : '审核意见'}
            name="opinion"
            extra={correction.active ? '说明修正了哪些内容及原因。' : '退回补正、不予通过须填写意见；审核通过时可选填。'}
          >
            <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 3, maxRows: 8 }} onChange={() => form.setFields([{ name: 'opinion', errors: [] }])} />
          </Form.Item>
        </Form>
      )}
      {correction.active ? (
        <Space wrap>
          <Button type="primary" loading={busy === 'correct'} onClick={() => void click('correct')}>
            提交修正
          </Button>
          <Button disabled={busy !== null} onClick={correction.cancel}>
            放弃修正
          </Button>
        </Space>
      ) : actions.length ? (
        <Space wrap>
          {actions.map((a) => (
            <Button
              key={a}
              type={PRIMARY_ACTIONS.includes(a) ? 'primary' : 'default'}
              danger={DANGER_ACTIONS.includes(a)}
              loading={busy === a}
              disabled={busy !== null && busy !== a}
              onClick={() => void click(a)}
            >
              {WORKFLOW_ACTION_LABELS[a]}
            </Button>
          ))}
        </Space>
      ) : (
        <Typography.Text type="secondary">{waitingText(detail)}</Typography.Text>
      )}
    </Card>
  );
}
