// Shared by the enterprise, broker and credit tests: uploads, accounts for enterprises the tests
// create, valid identifiers, driving an application through its review steps.
import sharp from 'sharp';
import type PdfParse from 'pdf-parse';
import { residentIdCheckChar, usccCheckChar, type Role } from '@hq/common';
import { User, UserRole } from '../src/platform/models';
import { hashPassword } from '../src/platform/auth/passwords';
import { DEMO_PASSWORD, type TestApi } from './harness';

export const pdfParse: typeof PdfParse = require('pdf-parse/lib/pdf-parse.js');

let counter = 0;
/** A valid 统一社会信用代码 not used by the seed (its organisation code starts 7). */
export function newUscc(): string {
  const body = `91440400${String(70000000 + (process.pid % 1000) * 1000 + ++counter).slice(-8)}`;
  // The 9th–17th characters are the 组织机构代码 with its own check character; any digit passes GB 32100 here.
  const first17 = `${body}${counter % 10}`;
  return first17 + usccCheckChar(first17);
}

/** A valid 居民身份证 number, different on every call. */
export function newResidentId(): string {
  const first17 = `440402199${String(counter % 10)}0${1 + (counter % 9)}1${counter % 10}${String(100 + ++counter).slice(-3)}`;
  return first17 + residentIdCheckChar(first17);
}

export async function upload(api: TestApi, token: string, name = 'evidence.png'): Promise<string> {
  const png = await sharp({ create: { width: 40, height: 40, channels: 3, background: `#${(counter++ * 1234567 % 0xffffff).toString(16).padStart(6, '0')}` } }).png().toBuffer();
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(png)]), name);
  const r = await fetch(`${api.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  if (r.status !== 201) throw new Error(`upload: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { id: string }).id;
}

/** An account for an enterprise a test created (the system administrator's job in real life), logged in. */
export async function accountFor(api: TestApi, orgId: number, username: string, roles: Role[]): Promise<string> {
  const u = await User.create({ username, display_name: `${username} 经办人`, org_id: orgId, password_hash: await hashPassword(DEMO_PASSWORD), password_changed_at: new Date() });
  await UserRole.bulkCreate(roles.map((role) => ({ user_id: u.id, role })));
  return (await api.login(username)).accessToken;
}

export async function attachmentsFor(api: TestApi, token: string, list: readonly { key: string; required: boolean }[]) {
  const out: { key: string; fileId: string }[] = [];
  for (const a of list.filter((x) => x.required)) out.push({ key: a.key, fileId: await upload(api, token, `${a.key}.png`) });
  return out;
}

/** Create and submit an application; returns its detail after submission (throws with the refusal otherwise). */
export async function submit(api: TestApi, token: string, type: string, form: unknown, attachments: unknown[]) {
  const draft = await api.call('POST', '/api/applications', { token, body: { type, form, attachments } });
  if (draft.status !== 201) throw new Error(`draft ${type}: ${JSON.stringify(draft.body)}`);
  const r = await api.call('POST', `/api/applications/${draft.body.id}/actions`, { token, body: { action: 'submit', lockVersion: draft.body.lockVersion } });
  if (r.status !== 200) throw new Error(`submit ${type}: ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Approve at every step with the given reviewers in order; returns the final detail. */
export async function approveAll(api: TestApi, app: { id: number; lockVersion: number }, reviewers: string[]) {
  let detail: any = app;
  for (const token of reviewers) {
    const r = await api.call('POST', `/api/applications/${app.id}/actions`, { token, body: { action: 'approve', opinion: '同意', lockVersion: detail.lockVersion } });
    if (r.status !== 200) throw new Error(`approve: ${JSON.stringify(r.body)}`);
    detail = r.body;
  }
  return detail;
}

/** Public pages are cached for half a second after each check (platform/cache.ts). */
export const settle = () => new Promise((r) => setTimeout(r, 600));

export const squash = (s: string) => s.replace(/\s+/g, '');

/** The compressed pixel data (IDAT) of a PNG, which pdfkit copies unchanged into the PDF. */
export function idat(png: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let o = 8; o < png.length;) {
    const len = png.readUInt32BE(o);
    if (png.toString('latin1', o + 4, o + 8) === 'IDAT') parts.push(png.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  return Buffer.concat(parts);
}

export async function binary(api: TestApi, path: string, token?: string): Promise<{ status: number; type: string | null; body: Buffer }> {
  const r = await fetch(api.url + path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: r.status, type: r.headers.get('content-type'), body: Buffer.from(await r.arrayBuffer()) };
}

export const developerForm = (name: string, uscc: string) => ({
  name, uscc, legalRep: '周建国', address: '珠海市横琴粤澳深度合作区环岛东路3000号', registeredCapitalFen: 200000000_00, establishedOn: '2015-06-18',
  businessScope: '房地产开发经营；物业管理', contact: { name: '许经办', phone: '13912345678' },
  qualification: { grade: 'second', certNo: '粤房开证字第4404123号', validUntil: '2027-06-30' },
  personnel: [{ name: '周建国', position: '总经理', title: '高级经济师' }, { name: '钟工', position: '总工程师', title: '高级工程师', certificateNo: 'GJ2010123' }],
  achievements: [{ projectName: '横琴·海逸花园一期', role: '开发建设单位', floorArea: 12000000, completedOn: '2021-12-30' }],
});
