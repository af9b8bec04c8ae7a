// 注销中介机构备案 (RE-070): irreversible, so it says what follows and asks for the reason.
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/useSubmit';
import { enterprisesApi } from './api';

export function CancelAgencyModal({
  agency, onClose, onDone,
}: {
  agency: { id: number; name: string };
  onClose: () => void;
  onDone: (brokersReleased: number) => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const cancel = useSubmit(async ({ reason }: { reason: string }) => {
    const r = await enterprisesApi.cancelAgency(agency.id, reason.trim());
    onDone(r.brokersReleased);
  });
  return (
    <Modal
      open
      title={`注销「${agency.name}」的备案`}
      okText="确认注销"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={cancel.busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="注销后不能恢复"
        description="该机构的备案证明立即失效并对外公示为「已注销」；其在册经纪人全部解除执业，经纪人备案证明同时失效。"
      />
      <ErrorAlert error={cancel.error} />
      <Form form={form} layout="vertical" name="cancelAgency" onFinish={cancel.run}>
        <Form.Item
          label="注销原因"
          name="reason"
          rules={[
            { required: true, whitespace: true, message: '请填写注销原因' },
            { min: 4, message: '注销原因至少4个字' },
          ]}
        >
          <Input.TextArea maxLength={300} showCount autoSize={{ minRows: 3, maxRows: 6 }} placeholder="如：机构申请注销、营业执照已吊销等" />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">注销原因与操作人记入审计日志。</Typography.Text>
    </Modal>
  );
}
