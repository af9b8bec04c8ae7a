import { Form, Input } from 'antd';

export interface TotpCodeValues {
  code: string;
}

/** The six digits from the authenticator app. */
export function TotpCodeField() {
  return (
    <Form.Item
      label="动态验证码"
      name="code"
      rules={[
        { required: true, message: '请输入动态验证码' },
        { pattern: /^[0-9]{6}$/, message: '动态验证码为6位数字' },
      ]}
    >
      <Input
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        autoFocus
        placeholder="6位数字"
        style={{ letterSpacing: 6, fontSize: 18 }}
      />
    </Form.Item>
  );
}
