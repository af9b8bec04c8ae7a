// One credit record: subject, indicator and points, when it counts until, the basis and evidence,
// how it was reviewed, objections; and, for a reviewer of its kind, 审核 with an opinion and a
// confirmation (the record then counts, or not, in the subject's credit).
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Drawer, Empty, Form, Input, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { formatShanghai } from '@hq/common';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useResource } from '../../components/usePagedList';
import { asApiError } from '../../components/useSubmit';
import { useMe } from '../../providers/auth';
import { useAccess } from '../../providers/access';
import type { ApiError } from '../../providers/transport';
import { creditApi, type CreditEventView } from './api';
import { EVENT_STATUS_COLOURS, OBJECTION_STATUS_COLOURS, mayReview, signedPoints, subjectPath } from './dictionary';
import { EvidenceLink } from './EvidenceUpload';

const at = (s: string | null) => (s ? formatShanghai(s, false) : '—');

export function EventDrawer({ id, onClose, onChanged }: { id: number; onClose: () => void; onChanged: () => void }) {
  const event = useResource((signal) => creditApi.event(id, signal), [id]);
  const e = event.data;
  return (
    <Drawer open size={760} title={e ? e.title : '信用信息'} onClose={onClose} destroyOnHidden>
      <ErrorAlert error={event.error} />
      {!e ? (
        event.loading && <Skeleton active />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <EventFacts event={e} />
          {e.status === 'pending' && (
            <ReviewCard
              event={e}
              onDone={(next) => {
                event.setData(next);
                onChanged();
              }}
            />
          )}
          <EventTimeline event={e} />
        </Space>
      )}
    </Drawer>
  );
}

function EventFacts({ event: e }: { event: CreditEventView }) {
  const { pages } = useAccess();
  const subjectLink = pages.some((p) => p.key === 'credit-subjects');
  return (
    <Descriptions
      bordered
      size="small"
      column={2}
      styles={{ label: { width: 110 } }}
      items={[
        { key: 'status', label: '状态', children: <Tag color={EVENT_STATUS_COLOURS[e.status]}>{e.statusLabel}</Tag> },
        { key: 'source', label: '来源', children: e.sourceDept ? `${e.sourceLabel}（${e.sourceDept}${e.externalRef ? `，${e.externalRef}` : ''}）` : e.sourceLabel },
        {
          key: 'subject', label: '信用主体', span: 2,
          children: (
            <Space size={6}>
              {subjectLink ? <Link to={subjectPath(e.subjectKind, e.subjectId)}>{e.subjectName}</Link> : e.subjectName}
              <Typography.Text type="secondary">{e.subjectKindLabel}</Typography.Text>
            </Space>
          ),
        },
        { key: 'indicator', label: '信用指标', span: 2, children: `${e.directionLabel}：${e.indicatorLabel}` },
        { key: 'points', label: '分值', children: <Typography.Text type={e.points < 0 ? 'danger' : 'success'}>{signedPoints(e.points)}</Typography.Text> },
        { key: 'blacklist', label: '失信黑名单', children: e.blacklist ? <Tag color="red">列入</Tag> : '否' },
        { key: 'occurred', label: '发生日期', children: e.occurredOn },
        { key: 'valid', label: '有效期至', children: e.validUntil },
        { key: 'basis', label: '认定依据', span: 2, children: `${e.basis.typeLabel} ${e.basis.number}` },
        { key: 'description', label: '情况说明', span: 2, children: e.description ?? '—' },
        {
          key: 'evidence', label: '证据材料', span: 2,
          children: e.evidenceFileIds.length ? (
            <Space orientation="vertical" size={2}>
              {e.evidenceFileIds.map((f, i) => (
                <EvidenceLink key={f} fileId={f} name={`证据材料${i + 1}`} />
              ))}
            </Space>
          ) : (
            '—'
          ),
        },
        { key: 'reported', label: '录入', span: 2, children: `${e.reportedBy ?? '系统'}，${at(e.reportedAt)}` },
      ]}
    />
  );
}

/** 审核: approve makes the record count from today; reject leaves it out. Never the recorder's own. */
function ReviewCard({ event: e, onDone }: { event: CreditEventView; onDone: (e: CreditEventView) => void }) {
  const { message, modal } = App.useApp();
  const { hasRole } = useAccess();
  const me = useMe();
  const [form] = Form.useForm<{ opinion?: string }>();
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  if (!mayReview(hasRole, e.subjectKind)) return null;
  if (e.reportedBy && e.reportedBy === me.displayName) {
    return <Alert type="info" showIcon title="这条信用信息由您录入，须由其他审核人员审核。" />;
  }

  const decide = (decision: 'approve' | 'reject') => {
    const opinion = form.getFieldValue('opinion')?.trim() as string | undefined;
    if (!opinion || opinion.length < 2) {
      form.setFields([{ name: 'opinion', errors: ['请填写审核意见（至少2个字）'] }]);
      return;
    }
    const approve = decision === 'approve';
    modal.confirm({
      title: approve ? '确认审核通过？' : '确认不予通过？',
      content: approve
        ? `通过后该信用信息计入「${e.subjectName}」的信用，${signedPoints(e.points)}分，有效期至${e.validUntil}${e.blacklist ? '，并列入失信黑名单' : ''}。审核意见：${opinion}`
        : `不予通过的信用信息不计入信用，且不能再次审核。审核意见：${opinion}`,
      okText: approve ? '审核通过' : '不予通过',
      okButtonProps: { danger: !approve },
      cancelText: '取消',
      onOk: async () => {
        setBusy(decision);
        setError(null);
        try {
          const next = await creditApi.review(e.id, { decision, opinion });
          message.success(approve ? '已审核通过，已计入信用' : '已不予通过');
          onDone(next);
        } catch (err) {
          setError(asApiError(err));
        } finally {
          setBusy(null);
        }
      },
    });
  };

  return (
    <Card title="审核" size="small">
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Form form={form} layout="vertical" name="creditReview">
        <Form.Item label="审核意见" name="opinion" required>
          <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 2, maxRows: 6 }} onChange={() => form.setFields([{ name: 'opinion', errors: [] }])} />
        </Form.Item>
      </Form>
      <Space>
        <Button type="primary" loading={busy === 'approve'} disabled={busy !== null} onClick={() => decide('approve')}>
          审核通过
        </Button>
        <Button danger loading={busy === 'reject'} disabled={busy !== null} onClick={() => decide('reject')}>
          不予通过
        </Button>
      </Space>
    </Card>
  );
}

/** 审核与异议记录. */
function EventTimeline({ event: e }: { event: CreditEventView }) {
  const items = [
    { key: 'reported', content: `${at(e.reportedAt)} ${e.reportedBy ?? '系统'} 录入（${e.sourceLabel}）` },
    ...(e.reviewedAt || e.reviewOpinion
      ? [{ key: 'reviewed', color: e.status === 'rejected' ? 'gray' : 'green', content: `${at(e.reviewedAt)} ${e.reviewedBy ?? ''} 审核：${e.reviewOpinion ?? ''}` }]
      : []),
    ...e.objections.flatMap((o) => [
      { key: `o${o.id}`, color: 'orange', content: `${at(o.submittedAt)} ${o.submittedBy ?? ''} 提出异议：${o.reason}` },
      ...(o.decidedAt
        ? [{ key: `d${o.id}`, color: o.status === 'upheld' ? 'orange' : 'gray', content: (
            <span>
              {`${at(o.decidedAt)} ${o.decidedBy ?? ''} 核实：`}
              <Tag color={OBJECTION_STATUS_COLOURS[o.status]}>{o.statusLabel}</Tag>
              {o.opinion}
            </span>
          ) }]
        : []),
    ]),
    ...(e.revokedAt ? [{ key: 'revoked', color: 'red', content: `${at(e.revokedAt)} 撤销：${e.revokeReason ?? ''}` }] : []),
  ];
  return (
    <Card title="审核与异议记录" size="small">
      {items.length ? <Timeline items={items} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无记录" />}
    </Card>
  );
}
