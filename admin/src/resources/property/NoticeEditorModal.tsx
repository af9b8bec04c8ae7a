// 新建/编辑小区公告: one community, a title, the body with a live preview rendered by common's
// parser (as the owners will see it in the mini-program). Saved as a draft; published from the list.
import { useState } from 'react';
import { App, Col, Form, Input, Modal, Row } from 'antd';
import { CONTENT_BODY_MAX, type ManagedContentDetail } from '@hq/common';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/useSubmit';
import type { ApiError } from '../../providers/transport';
import { ContentBody } from '../content/ContentBody';
import { noticesApi, type NoticeFields } from './api';
import { CommunitySelect } from './pickers';
import '../content/content.css';

interface Values {
  communityId: number;
  title: string;
  issuer?: string | null;
  summary?: string | null;
  body: string;
}

const TEMPLATE = '# 停水通知\n\n因二次供水设施检修，定于 X月X日 09:00-17:00 暂停供水，请各位业主提前储水。\n\n- 影响范围：1栋、2栋\n- 咨询电话：物业服务中心';

export function NoticeEditorModal({ notice, onClose, onSaved }: { notice: ManagedContentDetail | null; onClose: () => void; onSaved: (n: ManagedContentDetail) => void }) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const body = Form.useWatch('body', form) ?? notice?.body ?? '';

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const fields: NoticeFields = {
      channel: 'notice',
      section: 'property',
      category: null,
      communityId: v.communityId,
      title: v.title.trim(),
      issuer: v.issuer?.trim() || null,
      summary: v.summary?.trim() || null,
      body: v.body,
      docNo: notice?.docNo ?? null,
      videoFileId: null,
      attachmentIds: notice?.attachmentIds ?? [],
    };
    try {
      onSaved(notice ? await noticesApi.update(notice.id, fields, notice.version) : await noticesApi.create(fields));
    } catch (e) {
      const err = asApiError(e);
      if (err.code === 'CONTENT_STALE') {
        modal.warning({ title: '公告已被他人修改', content: err.message, okText: '知道了', onOk: onClose });
        return;
      }
      const known = new Set(['communityId', 'title', 'issuer', 'summary', 'body']);
      form.setFields(err.details.filter((d) => known.has(d.field)).map((d) => ({ name: d.field as keyof Values, errors: [d.message] })));
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={notice ? '编辑小区公告' : '新建小区公告'}
      okText={notice ? '保存' : '保存为草稿'}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={1040}
    >
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Form<Values>
        form={form}
        layout="vertical"
        name="noticeEditor"
        initialValues={notice ? { communityId: notice.communityId ?? undefined, title: notice.title, issuer: notice.issuer, summary: notice.summary, body: notice.body } : { body: TEMPLATE, issuer: '物业服务中心' }}
        onFinish={(v) => void submit(v)}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label="发布范围（小区）" name="communityId" rules={[{ required: true, message: '请选择小区' }]}>
              <CommunitySelect placeholder="请选择本企业服务的小区" allowClear={false} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="发布单位" name="issuer">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="标题" name="title" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
              <Input maxLength={200} showCount placeholder="如 关于X月X日停水的通知" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="摘要" name="summary">
              <Input maxLength={500} placeholder="列表中显示的一句话（可选）" />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item
              label="正文"
              name="body"
              rules={[{ required: true, whitespace: true, message: '请填写正文' }]}
              extra="空行分段；# 开头为标题，- 开头为列表，1. 开头为编号列表，| 单元格 | 为表格。"
            >
              <Input.TextArea maxLength={CONTENT_BODY_MAX} autoSize={{ minRows: 14, maxRows: 24 }} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <div style={{ marginBottom: 8 }}>预览</div>
            <div className="content-preview" aria-label="正文预览">
              <ContentBody body={body} />
            </div>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
