// 从业资格: 检查 (a failed check suspends it) and 注销 (ends it, cannot be undone); each asks for
// the reviewer's words and says what follows before anything is sent.
import { Alert, Form, Input, Modal, Radio } from 'antd';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/useSubmit';
import { brokersApi, type BrokerQualificationView } from './api';

export type QualificationAction = 'check' | 'cancel';

export function QualificationActionModal({
  action, qualification: q, onClose, onDone,
}: {
  action: QualificationAction;
  qualification: BrokerQualificationView;
  onClose: () => void;
  onDone: (q: BrokerQualificationView) => void;
}) {
  const [form] = Form.useForm<{ result?: 'pass' | 'fail'; text: string }>();
  const result = Form.useWatch('result', form);
  const submit = useSubmit(async (v: { result?: 'pass' | 'fail'; text: string }) => {
    const text = v.text.trim();
    onDone(action === 'check' ? await brokersApi.checkQualification(q.id, { result: v.result!, note: text }) : await brokersApi.cancelQualification(q.id, text));
  });
  const cancelling = action === 'cancel';
  return (
    <Modal
      open
      title={`${cancelling ? '注销' : '检查'}${q.kindLabel}（${q.certNo}）`}
      okText={cancelling ? '确认注销' : result === 'fail' ? '确认不合格' : '确认检查结果'}
      okButtonProps={{ danger: cancelling || result === 'fail' }}
      cancelText="取消"
      confirmLoading={submit.busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {cancelling ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="注销后该从业资格不能恢复，如需执业须重新建立资格。" />
      ) : (
        result === 'fail' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="检查不合格的从业资格将被暂停。" />
      )}
      <ErrorAlert error={submit.error} />
      <Form form={form} layout="vertical" name={`qualification-${action}`} onFinish={submit.run}>
        {!cancelling && (
          <Form.Item label="检查结果" name="result" rules={[{ required: true, message: '请选择检查结果' }]}>
            <Radio.Group
              options={[
                { value: 'pass', label: '合格' },
                { value: 'fail', label: '不合格（暂停资格）' },
              ]}
            />
          </Form.Item>
        )}
        <Form.Item
          label={cancelling ? '注销原因' : '检查意见'}
          name="text"
          rules={[
            { required: true, whitespace: true, message: cancelling ? '请填写注销原因' : '请填写检查意见' },
            { min: cancelling ? 4 : 2, message: cancelling ? '注销原因至少4个字' : '检查意见至少2个字' },
          ]}
        >
          <Input.TextArea maxLength={cancelling ? 300 : 500} showCount autoSize={{ minRows: 3, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
