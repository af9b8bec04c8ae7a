import { z } from '@hq/common';
import { errors } from '../errors';

const FIELD_NAMES: Record<string, string> = {
  username: '用户名', password: '密码', newPassword: '新密码', oldPassword: '原密码', code: '验证码', page: '页码',
  pageSize: '每页条数', id: 'id', challenge: '登录凭证', refreshToken: '刷新令牌', from: '开始时间', to: '结束时间',
};

/** Parse with zod; on failure answer 400 naming each field and how to fix it, in Chinese. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, where: 'params' | 'query' | 'body'): z.infer<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const details = r.error.issues.map((i) => {
    const field = i.path.length ? i.path.join('.') : where;
    const label = FIELD_NAMES[String(i.path[i.path.length - 1])] ?? field;
    const message = /[\u4e00-\u9fa5]/.test(i.message) ? i.message : `${label}格式不正确（${i.message}）`;
    return { field, message: message.startsWith(label) ? message : `${label}：${message}` };
  });
  throw errors.validation(details);
}
