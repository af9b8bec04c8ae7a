// One application, for the applicant and the reviewers alike: the form of its business type
// (editable with autosave in a draft or when returned; read-only otherwise), its attachments,
// what still stops submission, the buttons the API allows, the history and the versions.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { formatShanghai, type ApplicationDetail } from '@hq/common';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useResource } from '../../components/usePagedList';
import { ActionsCard } from './ActionsCard';
import { applicationsApi } from './api';
import { AttachmentsCard, type AttachmentRow } from './AttachmentsCard';
import { STATUS_COLOURS } from './dictionary';
import { FORM_FIELDS, READ_ONLY_FORMS } from './forms';
import { HistoryTimeline } from './HistoryTimeline';
import { MissingAlert } from './MissingAlert';
import { ResultCard } from './ResultCard';
import { ReviewSteps } from './ReviewSteps';
import { ConflictAlert, SaveStatus } from './SaveStatus';
import { useAutosave } from './useAutosave';
import { VersionsCard } from './VersionsCard';
import { cleanForm } from './values';
import './applications.css';

export function ApplicationPage() {
  const id = Number(useParams().id);
  const app = useResource((signal) => applicationsApi.get(id, signal), [id]);
  // A reload after a conflict starts the editor afresh from what the server has.
  const reload = useCallback(() => {
    app.setData(null);
    app.reload();
  }, [app.reload, app.setData]);

  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title="申请不存在" />;
  if (!app.data) {
    return (
      <Card>
        {app.error ? (
          <Result
            status={app.error.status === 404 ? '404' : app.error.status === 403 ? '403' : 'error'}
            title={app.error.message}
            extra={<Link to="/applications">返回申请列表</Link>}
          />
        ) : (
          <Skeleton active />
        )}
      </Card>
    );
  }
  return <ApplicationWorkspace detail={app.data} onChange={app.setData} onReload={reload} />;
}

function ApplicationWorkspace({ detail, onChange, onReload }: { detail: ApplicationDetail; onChange: (d: ApplicationDetail) => void; onReload: () => void }) {
  const { modal } = App.useApp();
  const [form] = Form.useForm();
  const editable = detail.allowedActions.includes('save');
  // 审核人员修正: a reviewer allowed to correct edits the form here and sends it with the action.
  const [correcting, setCorrecting] = useState(false);
  const formEditable = editable || (correcting && detail.allowedActions.includes('correct'));
  const [attachments, setAttachments] = useState<AttachmentRow[]>(() => detail.attachments.map((a) => ({ key: a.key, fileId: a.fileId, name: a.name })));
  const attachmentsRef = useRef(attachments);
  attachmentsRef.current = attachments;
  // The application as the server last answered, for actions that follow a save in the same click.
  const latest = useRef(detail);
  latest.current = detail;

  const autosave = useAutosave({
    id: detail.id,
    lockVersion: detail.lockVersion,
    enabled: editable,
    collect: () => ({
      form: cleanForm(form.getFieldsValue(true) as Record<string, unknown>),
      attachments: attachmentsRef.current.map(({ key, fileId }) => ({ key, fileId })),
    }),
    onSaved: (saved) => {
      latest.current = saved;
      onChange(saved);
    },
  });

  // Say so once, where the person is looking; the alert above the form stays until they reload.
  useEffect(() => {
    if (autosave.state.status !== 'conflict') return;
    modal.confirm({
      title: '申请已被修改，您的修改未能保存',
      content: '该申请已在其他页面或由他人修改。为避免覆盖，自动保存已暂停。是否重新加载最新内容？',
      okText: '重新加载',
      cancelText: '稍后',
      onOk: onReload,
    });
  }, [autosave.state.status === 'conflict']);

  const prepare = useCallback(async () => ((await autosave.flush()) ? latest.current : null), [autosave.flush]);
  const Fields = FORM_FIELDS[detail.type];
  // Forms filed elsewhere (mini-program, agency) are shown read-only so reviewers can decide on them here.
  const ReadOnly = Fields ? undefined : READ_ONLY_FORMS[detail.type];
  const initialValues = useMemo(() => detail.form, [detail.id]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ApplicationHeader detail={detail} />
      <Card size="small">
        <ReviewSteps detail={detail} />
      </Card>
      <ResultCard detail={detail} />
      {autosave.state.status === 'conflict' && <ConflictAlert onReload={onReload} />}
      {autosave.state.status === 'error' && <ErrorAlert error={autosave.state.error} />}
      {(detail.status === 'draft' || detail.status === 'returned') && <MissingAlert missing={detail.missing} saving={autosave.state.status === 'pending' || autosave.state.status === 'saving'} />}
      {detail.status === 'returned' && <ReturnedNotice detail={detail} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card
              title={`${detail.typeLabel}申请表`}
              extra={
                editable ? (
                  <SaveStatus state={autosave.state} />
                ) : formEditable ? (
                  <Typography.Text type="warning">修正中，提交修正后生效</Typography.Text>
                ) : (
                  <Typography.Text type="secondary">只读</Typography.Text>
                )
              }
            >
              {Fields ? (
                <Form form={form} layout="vertical" name="application" initialValues={initialValues} disabled={!formEditable} onValuesChange={autosave.schedule}>
                  <Fields form={form} editable={formEditable} onChanged={autosave.schedule} />
                </Form>
              ) : ReadOnly ? (
                <ReadOnly form={detail.form} />
              ) : (
                <Alert type="warning" showIcon title={`「${detail.typeLabel}」的申请表暂不支持在网页上填写`} />
              )}
            </Card>
            <AttachmentsCard
              required={detail.requiredAttachments}
              value={attachments}
              editable={editable}
              onChange={(update) => {
                const next = update(attachmentsRef.current);
                attachmentsRef.current = next;
                setAttachments(next);
                autosave.schedule();
              }}
            />
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <ActionsCard
              detail={detail}
              prepare={prepare}
              onDone={(next) => {
                setCorrecting(false);
                onChange(next);
              }}
              onStale={onReload}
              correction={{
                available: !!Fields,
                active: formEditable && !editable,
                start: () => setCorrecting(true),
                // The applicant's form as submitted comes back from the server.
                cancel: onReload,
                collect: () => cleanForm(form.getFieldsValue(true) as Record<string, unknown>),
              }}
            />
            <HistoryTimeline detail={detail} />
            <VersionsCard key={detail.versions.length} detail={detail} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

function ApplicationHeader({ detail: d }: { detail: ApplicationDetail }) {
  return (
    <Space align="center" wrap>
      <Link to="/applications">
        <Button type="text" icon={<ArrowLeftOutlined />}>
          申请列表
        </Button>
      </Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {d.title}
      </Typography.Title>
      <Tag color={STATUS_COLOURS[d.status]}>{d.statusText}</Tag>
      {d.overdue && <Tag color="red">逾期</Tag>}
      <Typography.Text type="secondary">
        {d.typeLabel}｜{d.appNo ? `受理编号 ${d.appNo}` : '未提交'}｜{d.orgName ?? ''}
        {d.submittedAt && `｜提交于 ${formatShanghai(d.submittedAt, false)}`}
      </Typography.Text>
    </Space>
  );
}

/** The opinion the application was returned with, where the applicant will look first. */
function ReturnedNotice({ detail }: { detail: ApplicationDetail }) {
  const last = [...detail.actions].reverse().find((a) => a.action === 'return');
  if (!last) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={`「${last.stepLabel ?? ''}」退回补正：请按意见修改后重新提交`}
      description={`${last.opinion ?? ''}（${last.actorName ?? ''}，${formatShanghai(last.at, false)}）`}
    />
  );
}
