// Local stand-in for the real-estate registry, speaking ./protocol.ts: it checks the app id, the
// HMAC-SM3 signature over the body's digest, the ±300 s timestamp window and single-use nonces
// (401 with a code otherwise), and signs every successful reply bound to the request's nonce.
// It answers from the building table (rooms, their 已登记 status) and its own titles
// (sim_registry_titles: certificate number, room, holder's name and a keyed hash of the holder's
// ID number under this deployment's data key — the real registry keeps its own records). Tests
// can make the next N calls fail with 503, as an overloaded gateway does before it looks at a request.
import { Op, type Transaction } from 'sequelize';
import { z } from '@hq/common';
import { route, type RouteDef } from '../../platform/http/route';
import type { AppContext } from '../../platform/http/types';
import { keyedHash, timingSafeEqualStr } from '../../platform/crypto';
import { Building, Project, Room } from '../../modules/realestate/models';
import { SimRegistryTitle } from '../../modules/property/models';
import {
  canonicalReply, canonicalRequest, hmacSm3, MAX_ROOM_IDS, newNonce, normaliseCertNo, SIGN_METHOD, TIMESTAMP_WINDOW_S,
  type Envelope, type ProjectTitles, type TitleCheck, type TitleStatus,
} from './protocol';

interface Reply {
  status: number;
  body: Envelope;
}

interface SimRequest {
  method: string;
  url: string;
  headers: Record<string, string | undefined>;
  rawBody: string;
}

/** How the simulator keeps a holder's ID number: the same keyed hash as users.id_no_hash. */
export function registryIdHash(dataKey: Buffer, idType: string, idNumber: string): string {
  return keyedHash(dataKey, `${idType}:${idNumber.trim().toUpperCase()}`);
}

/**
 * What the registry knows of a project, straight from the building table and its titles; the
 * simulator answers with this, and the demo seed uses it for the first sync (the server is not
 * listening yet while it seeds).
 */
export async function simulatedProjectTitles(projectId: number, roomIds: number[] | null, t: Transaction | null = null): Promise<ProjectTitles | null> {
  const project = await Project.findByPk(projectId, { attributes: ['id'], transaction: t });
  if (!project) return null;
  const houses = await Room.count({ where: { project_id: projectId }, transaction: t });
  const registered = await Room.count({ where: { project_id: projectId, sale_status: 'registered' }, transaction: t });
  const rooms = roomIds && !roomIds.length ? [] : await Room.findAll({
    where: { project_id: projectId, sale_status: 'registered', ...(roomIds ? { id: roomIds } : {}) },
    attributes: ['id', 'building_id', 'unit_number'], order: [['id', 'ASC']], transaction: t,
  });
  const titles = rooms.length
    ? await SimRegistryTitle.findAll({ where: { room_id: rooms.map((r) => r.id), status: { [Op.ne]: 'cancelled' } }, order: [['id', 'DESC']], transaction: t })
    : [];
  const byRoom = new Map<number, SimRegistryTitle>();
  for (const t of titles) if (!byRoom.has(t.room_id)) byRoom.set(t.room_id, t); // the newest title of a room
  return {
    projectId, houses, registered,
    titles: rooms.map((r) => ({
      roomId: r.id, buildingId: r.building_id, unitNumber: r.unit_number,
      ownerName: byRoom.get(r.id)?.owner_name ?? null, registeredOn: byRoom.get(r.id)?.registered_on ?? null,
    })),
  };
}

export class RegistrySimulator {
  private readonly nonces = new Map<string, number>();
  private failures = { remaining: 0, status: 503 };
  /** Calls that reached the simulator, failed or not (tests read this). */
  calls = 0;

  constructor(private readonly opts: { appId: string; secret: string; dataKey: Buffer }) {}

  /** Fail the next `count` calls with `status` before looking at them. */
  failNext(count: number, status = 503): void {
    this.failures = { remaining: count, status };
  }

  async handle(req: SimRequest, action: () => Promise<Reply | { result: unknown }>): Promise<Reply> {
    this.calls++;
    if (this.failures.remaining > 0) {
      this.failures.remaining--;
      return { status: this.failures.status, body: { code: 'SERVICE_UNAVAILABLE', message: '系统繁忙，请稍后重试' } };
    }
    const refused = this.authenticate(req);
    if (refused) return refused;
    const out = await action();
    return 'result' in out ? this.ok(out.result, req.headers['x-nonce']!) : out;
  }

  private authenticate(req: SimRequest): Reply | null {
    const deny = (code: string, message: string): Reply => ({ status: 401, body: { code, message } });
    const h = req.headers;
    if (h['x-app-id'] !== this.opts.appId) return deny('APP_UNKNOWN', '应用未注册或已停用');
    if (h['x-sign-method'] !== SIGN_METHOD) return deny('SIGNATURE_INVALID', `签名算法须为 ${SIGN_METHOD}`);
    const ts = h['x-timestamp'] ?? '';
    const nonce = h['x-nonce'] ?? '';
    const now = Math.floor(Date.now() / 1000);
    if (!/^\d{10}$/.test(ts) || Math.abs(now - Number(ts)) > TIMESTAMP_WINDOW_S) return deny('TIMESTAMP_EXPIRED', '请求时间戳超出允许范围');
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(nonce)) return deny('SIGNATURE_INVALID', '随机串格式不正确');
    const expected = hmacSm3(this.opts.secret, canonicalRequest(req.method, req.url, ts, nonce, req.rawBody));
    if (!timingSafeEqualStr(h['x-signature'] ?? '', expected)) return deny('SIGNATURE_INVALID', '签名校验失败');
    for (const [n, exp] of this.nonces) if (exp < now) this.nonces.delete(n);
    if (this.nonces.has(nonce)) return deny('NONCE_REPLAYED', '请求随机串已使用（疑似重放）');
    this.nonces.set(nonce, now + 2 * TIMESTAMP_WINDOW_S);
    return null;
  }

  private ok(result: unknown, requestNonce: string): Reply {
    const data = JSON.stringify(result);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = newNonce();
    return {
      status: 200,
      body: { code: '0', message: '成功', data, timestamp, nonce, signature: hmacSm3(this.opts.secret, canonicalReply(timestamp, nonce, requestNonce, data)) },
    };
  }

  async verify(rawBody: string): Promise<Reply | { result: TitleCheck }> {
    const parsed = verifyBody.safeParse(safeJson(rawBody));
    if (!parsed.success) return { status: 400, body: { code: 'INVALID_REQUEST', message: '核验请求内容不完整或格式不正确' } };
    const { certNo, holder } = parsed.data;
    const none: TitleCheck = { certNo, found: false, holderMatches: false, registered: false, status: null, room: null };
    const title = await SimRegistryTitle.findOne({ where: { cert_no: normaliseCertNo(certNo) }, transaction: null });
    if (!title) return { result: none };
    const holderMatches = title.owner_name === holder.name.trim()
      && timingSafeEqualStr(title.owner_id_hash, registryIdHash(this.opts.dataKey, holder.idType, holder.idNumber));
    // Someone who is not the holder learns only that the certificate exists.
    if (!holderMatches) return { result: { ...none, found: true } };
    const room = await Room.findByPk(title.room_id, { attributes: ['id', 'project_id', 'building_id', 'unit_number', 'room_no', 'floor', 'sale_status'], transaction: null });
    if (!room) return { result: { ...none, found: true, holderMatches: true, status: title.status as TitleStatus } };
    const [building, project] = await Promise.all([
      Building.findByPk(room.building_id, { attributes: ['id', 'building_no'], transaction: null }),
      Project.findByPk(room.project_id, { attributes: ['id', 'name'], transaction: null }),
    ]);
    return {
      result: {
        certNo, found: true, holderMatches: true, status: title.status as TitleStatus,
        registered: title.status !== 'cancelled' && room.sale_status === 'registered',
        room: {
          projectId: room.project_id, projectName: project?.name ?? '', buildingId: room.building_id, buildingNo: building?.building_no ?? '',
          roomId: room.id, unitNumber: room.unit_number, roomNo: room.room_no, floor: room.floor,
        },
      },
    };
  }

  async projectTitles(projectId: number, roomIdsParam: string | undefined): Promise<Reply | { result: ProjectTitles }> {
    let roomIds: number[] | null = null;
    if (roomIdsParam !== undefined) {
      roomIds = roomIdsParam === '' ? [] : roomIdsParam.split(',').map(Number);
      if (roomIds.length > MAX_ROOM_IDS || roomIds.some((n) => !Number.isInteger(n) || n <= 0)) {
        return { status: 400, body: { code: 'INVALID_REQUEST', message: `roomIds 须为至多${MAX_ROOM_IDS}个正整数，以逗号分隔` } };
      }
    }
    const result = await simulatedProjectTitles(projectId, roomIds);
    if (!result) return { status: 404, body: { code: 'PROJECT_NOT_FOUND', message: '项目不存在' } };
    return { result };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const verifyBody = z.object({
  certNo: z.string().min(5).max(64),
  holder: z.object({ name: z.string().min(1).max(50), idType: z.string().min(1).max(24), idNumber: z.string().min(6).max(32) }),
});

export function registrySimulatorRoutes(sim: RegistrySimulator): RouteDef[] {
  const serve = async (ctx: AppContext, action: (raw: string) => Promise<Reply | { result: unknown }>) => {
    const rawBody = (ctx.request as { rawBody?: string }).rawBody ?? '';
    const headers = Object.fromEntries(['x-app-id', 'x-timestamp', 'x-nonce', 'x-sign-method', 'x-signature'].map((k) => [k, ctx.get(k) || undefined]));
    const r = await sim.handle({ method: ctx.method, url: ctx.originalUrl, headers, rawBody }, () => action(rawBody));
    ctx.status = r.status;
    ctx.body = r.body;
    return undefined;
  };
  const common = { tags: ['simulators'], requirements: ['PM-099', 'PM-150', 'PM-155'], access: 'public' as const };
  return [
    route({
      ...common, method: 'post', path: '/sim/registry/v1/titles/verify',
      summary: '不动产登记系统模拟器：核验不动产权证与权利人（HMAC-SM3 签名）',
      handler: async (ctx) => serve(ctx, (raw) => sim.verify(raw)),
    }),
    route({
      ...common, method: 'get', path: '/sim/registry/v1/projects/:projectId/titles',
      params: z.object({ projectId: z.coerce.number().int().positive() }),
      summary: '不动产登记系统模拟器：项目的房屋与登记信息（楼盘表同步）',
      handler: async (ctx, { params }) => serve(ctx, () => {
        const q = ctx.query.roomIds;
        return sim.projectTitles(params.projectId, Array.isArray(q) ? q.join(',') : q);
      }),
    }),
    route({
      ...common, method: 'post', path: '/sim/registry/_control/faults',
      summary: '测试用：让模拟器接下来的 N 次调用返回 5xx',
      body: z.object({ count: z.number().int().min(0).max(100), status: z.number().int().min(500).max(599).optional() }),
      response: z.object({ calls: z.number() }),
      handler: async (_ctx, { body }) => {
        sim.failNext(body.count, body.status);
        return { calls: sim.calls };
      },
    }),
  ];
}
