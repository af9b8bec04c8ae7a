export type Check = { ok: true } | { ok: false; message: string };

export const ok: Check = { ok: true };
export const fail = (message: string): Check => ({ ok: false, message });
