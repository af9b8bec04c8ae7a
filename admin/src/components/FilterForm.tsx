// The search form above every list: the page's fields in one inline row, then 查询 and 重置 (which
// clears the fields and searches with no filter). Each page says how its values become filters.
import { Button, Form } from 'antd';
import type { ReactNode } from 'react';

interface Props<V> {
  /** The form's name (field ids are `${name}_${field}`). */
  name: string;
  onFinish: (values: V) => void;
  onReset: () => void;
  children: ReactNode;
  /** More buttons after 重置 (刷新, 导出Excel …). */
  extra?: ReactNode;
}

export function FilterForm<V extends object>({ name, onFinish, onReset, children, extra }: Props<V>) {
  const [form] = Form.useForm<V>();
  return (
    <Form<V> form={form} name={name} layout="inline" style={{ rowGap: 12 }} onFinish={onFinish}>
      {children}
      <Form.Item>
        <Button type="primary" htmlType="submit">
          查询
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onReset();
          }}
        >
          重置
        </Button>
      </Form.Item>
      {extra}
    </Form>
  );
}
