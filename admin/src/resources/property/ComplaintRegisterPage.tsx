// 投诉登记 (PM-022): a complaint taken by phone or at the counter. The form carries one request
// id from the moment it opens, so a double click or a retry after a dropped connection answers the
// same ticket instead of making two. Once saved, its page opens to accept and dispatch it (PM-023).
import { useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import { checkMobile, normaliseMobile, type ComplaintTarget, type CommunitySummary } from '@hq/common';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/useSubmit';
import type { ApiError } from '../../providers/transport';
import { ticketsApi } from './api';
import { COMPLAINT_CATEGORY_OPTIONS, COMPLAINT_TARGET_LABELS } from './dictionary';
import { CommunitySelect } from './pickers';
import { UploadList, type UploadedFile } from './UploadList';
import './property.css';

interface Values {
  channel: 'phone' | 'counter';
  complainantName: string;
  complainantPhone: string;
  target: ComplaintTarget;
  communityId?: number | null;
  category: string;
  description: string;
  attachments?: UploadedFile[];
}

const newRequestId = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`);

/** The API's field names are the form's, except the attachments' items. */
const fieldOf = (f: string) => f.split('.')[0] as keyof Values;

export function ComplaintRegisterPage() {
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  // One id per form: every send of this form is the same request.
  const [requestId] = useState(newRequestId);
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [community, setCommunity] = useState<CommunitySummary | undefined>();
  const target = Form.useWatch('target', form);

  const submit = async (v: Values) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const ticket = await ticketsApi.register({
        channel: v.channel,
        complainantName: v.complainantName.trim(),
        complainantPhone: normaliseMobile(v.complainantPhone),
        communityId: v.communityId ?? null,
        category: v.category,
        description: v.description.trim(),
        target: v.target,
        attachments: (v.attachments ?? []).map((a) => a.fileId),
        clientRequestId: requestId,
      });
      navigate(`/property/tickets/${ticket.id}`, { replace: true });
    } catch (e) {
      const err = asApiError(e);
      const names = new Set(Object.keys(form.getFieldsValue(true) as object).concat(['communityId', 'attachments']));
      const shown = err.details.filter((d) => names.has(fieldOf(d.field)));
      form.setFields(shown.map((d) => ({ name: fieldOf(d.field), errors: [d.message] })));
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        投诉登记
      </Typography.Title>
      <Card title="电话、窗口来访投诉">
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="登记后进入工单页受理、派单。投诉人手机号加密保存，处理结果将通过短信告知投诉人。"
        />
        <ErrorAlert error={error} onClose={() => setError(null)} />
        <Form<Values>
          form={form}
          layout="vertical"
          name="complaintRegister"
          initialValues={{ channel: 'phone', target: 'regulator', attachments: [] }}
          onFinish={(v) => void submit(v)}
        >
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label="来源" name="channel" rules={[{ required: true, message: '请选择来源' }]}>
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: 'phone', label: '电话' },
                    { value: 'counter', label: '窗口来访' },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                label="投诉人姓名"
                name="complainantName"
                rules={[
                  { required: true, whitespace: true, message: '请填写投诉人姓名' },
                  { min: 2, max: 30, message: '投诉人姓名为2-30个字' },
                ]}
              >
                <Input maxLength={30} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                label="投诉人手机号"
                name="complainantPhone"
                validateTrigger="onBlur"
                rules={[
                  { required: true, whitespace: true, message: '请填写投诉人手机号' },
                  {
                    validator: (_, v: string | undefined) => {
                      if (!v?.trim()) return Promise.resolve();
                      const c = checkMobile(v);
                      return c.ok ? Promise.resolve() : Promise.reject(new Error(`投诉人手机号：${c.message}`));
                    },
                  },
                ]}
              >
                <Input maxLength={20} inputMode="tel" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="投诉对象" name="target" rules={[{ required: true, message: '请选择投诉对象' }]}>
                <Radio.Group
                  options={(Object.keys(COMPLAINT_TARGET_LABELS) as ComplaintTarget[]).map((value) => ({ value, label: COMPLAINT_TARGET_LABELS[value] }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                label="所在小区"
                name="communityId"
                rules={[{ required: target === 'property', message: '投诉物业服务企业的，请选择所在小区' }]}
                extra={community?.propertyOrgName ? `物业服务企业：${community.propertyOrgName}` : target === 'property' ? undefined : '可不选（不涉及具体小区的投诉）'}
              >
                <CommunitySelect placeholder="请选择小区" onPicked={setCommunity} describe />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="投诉类别" name="category" rules={[{ required: true, message: '请选择投诉类别' }]} extra="括号内为办理时限">
                <Select options={COMPLAINT_CATEGORY_OPTIONS} placeholder="请选择" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                label="投诉内容"
                name="description"
                rules={[
                  { required: true, whitespace: true, message: '请填写投诉内容' },
                  { min: 5, message: '投诉内容至少5个字' },
                ]}
              >
                <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 4, maxRows: 10 }} placeholder="时间、地点、事由及诉求" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item label="附件" name="attachments" valuePropName="value" extra="来访人提供的照片、书面材料等（可选）。">
                <UploadList images={false} max={20} label="附件" onBusy={setUploading} />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy} disabled={uploading}>
              登记
            </Button>
            <Button onClick={() => navigate('/property/tickets')} disabled={busy}>
              返回工单列表
            </Button>
          </Space>
        </Form>
      </Card>
    </Space>
  );
}
