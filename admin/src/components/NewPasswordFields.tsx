// New password twice, checked live with the same rule the server applies (common's validator).
import { Form, Input, type FormRule } from 'antd';
import { checkPasswordStrength } from '@hq/common';

export interface NewPasswordValues {
  newPassword: string;
  confirmPassword: string;
}

const strength: FormRule = {
  validator: async (_, value: string | undefined) => {
    if (!value) throw new Error('请输入新密码');
    const check = checkPasswordStrength(value);
    if (!check.ok) throw new Error(check.message);
  },
};

/** `username` goes in a hidden field so password managers file the new password correctly. */
export function NewPasswordFields({ username }: { username: string }) {
  return (
    <>
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <Form.Item
        label="新密码"
        name="newPassword"
        required
        rules={[strength]}
        validateTrigger="onChange"
        hasFeedback
        extra="至少8位，须包含大写字母、小写字母、数字、符号中的至少3类"
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirmPassword"
        dependencies={['newPassword']}
        hasFeedback
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: async (_, value: string | undefined) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
    </>
  );
}
