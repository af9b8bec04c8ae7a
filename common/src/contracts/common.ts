import { z } from '../zod';

export const idParam = z.object({ id: z.coerce.number().int().positive({ message: 'id 必须为正整数' }) });
export const uuidParam = z.object({ id: z.string().regex(/^[0-9a-f-]{36}$/, 'id 格式不正确') });

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1, '页码从1开始').default(1),
  pageSize: z.coerce.number().int().min(1, '每页至少1条').max(200, '每页最多200条').default(20),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const okResponse = z.object({ ok: z.literal(true) });
