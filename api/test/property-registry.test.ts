// The real-estate registry adapter against its simulator over real HTTP: title checks and
// project listings from the building table and the simulator's titles; the gateway refuses
// forged, stale and replayed requests; a signed reply is bound to its request; 5xx are retried.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { simIdentities } from '../src/integrations/gdid/simulator';
import { HttpRegistryClient } from '../src/integrations/registry/client';
import { canonicalRequest, hmacSm3, SIGN_METHOD, VERIFY_PATH } from '../src/integrations/registry/protocol';
import { User } from '../src/platform/models';
import { Room } from '../src/modules/realestate/models';
import { HouseOwner, SimRegistryTitle } from '../src/modules/property/models';
import { DEMO_UNBOUND_CERT_NO } from '../src/seed/property';
import { startTestApi, type TestApi } from './harness';
import { faults } from './property-helpers';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const zhang = simIdentities()[0];
const secret = () => api.app.deps.config.REGISTRY_APP_SECRET;
const appId = () => api.app.deps.config.REGISTRY_APP_ID;
const asZhang = (certNo: string) => ({ certNo, name: zhang.name, idType: 'resident_id', idNumber: zhang.idNumber });

function signed(method: string, p: string, body = '', o: { secret?: string; appId?: string; timestamp?: string; nonce?: string } = {}) {
  const timestamp = o.timestamp ?? String(Math.floor(Date.now() / 1000));
  const nonce = o.nonce ?? crypto.randomBytes(16).toString('hex');
  return {
    'x-app-id': o.appId ?? appId(),
    'x-timestamp': timestamp,
    'x-nonce': nonce,
    'x-sign-method': SIGN_METHOD,
    'x-signature': hmacSm3(o.secret ?? secret(), canonicalRequest(method, p, timestamp, nonce, body)),
    ...(body ? { 'content-type': 'application/json' } : {}),
  };
}

async function raw(method: string, p: string, headers: Record<string, string>, body?: string) {
  const res = await fetch(api.url + p, { method, headers, body });
  return { status: res.status, body: (await res.json()) as { code: string; message: string; data?: string } };
}

describe('what the registry answers', () => {
  test('the holder learns the room of the title; anyone else only that the certificate exists', async () => {
    const { registry } = api.app.deps;
    const t = (await SimRegistryTitle.findOne({ where: { cert_no: DEMO_UNBOUND_CERT_NO } }))!;
    const room = (await Room.findByPk(t.room_id))!;
    const mine = await registry.verifyTitle(asZhang(DEMO_UNBOUND_CERT_NO));
    expect(mine).toMatchObject({
      found: true, holderMatches: true, registered: true, status: 'valid',
      room: { roomId: room.id, projectId: room.project_id, buildingId: room.building_id, unitNumber: room.unit_number, roomNo: room.room_no },
    });
    const li = simIdentities()[1];
    expect(await registry.verifyTitle({ certNo: DEMO_UNBOUND_CERT_NO, name: li.name, idType: 'resident_id', idNumber: li.idNumber }))
      .toEqual({ certNo: DEMO_UNBOUND_CERT_NO, found: true, holderMatches: false, registered: false, status: null, room: null });
    // The right name with someone else's ID number is not the holder either.
    expect((await registry.verifyTitle({ ...asZhang(DEMO_UNBOUND_CERT_NO), idNumber: li.idNumber })).holderMatches).toBe(false);
    expect((await registry.verifyTitle(asZhang('粤(2024)珠海市不动产权第0000001号'))).found).toBe(false);
  });

  test('a project\'s rooms and registered titles come from the building table, with the holders\' names', async () => {
    const owner = (await User.findOne({ where: { wechat_openid: 'o_demo_owner_a' } }))!;
    const home = (await HouseOwner.findOne({ where: { user_id: owner.id, relation: 'owner' } }))!;
    const room = (await Room.findByPk(home.room_id))!;
    const all = await api.app.deps.registry.listTitles(room.project_id);
    expect(all.houses).toBe(await Room.count({ where: { project_id: room.project_id } }));
    expect(all.registered).toBe(await Room.count({ where: { project_id: room.project_id, sale_status: 'registered' } }));
    expect(all.titles).toHaveLength(all.registered);
    expect(all.titles.find((x) => x.roomId === room.id)).toMatchObject({ ownerName: '张三', unitNumber: room.unit_number });
    const some = await api.app.deps.registry.listTitles(room.project_id, { roomIds: [room.id] });
    expect(some).toMatchObject({ houses: all.houses, registered: all.registered, titles: [{ roomId: room.id, ownerName: '张三' }] });
    expect((await api.app.deps.registry.listTitles(room.project_id, { roomIds: [] })).titles).toEqual([]);
    await expect(api.app.deps.registry.listTitles(999999)).rejects.toMatchObject({ status: 404, code: 'REGISTRY_PROJECT_NOT_FOUND' });
  });
});

describe('the gateway refuses requests it cannot trust', () => {
  const p = `/sim/registry${VERIFY_PATH}`;
  const body = JSON.stringify({ certNo: DEMO_UNBOUND_CERT_NO, holder: { name: zhang.name, idType: 'resident_id', idNumber: zhang.idNumber } });

  test('a wrong secret, a tampered body, an unknown app or a stale timestamp gets 401 with a code', async () => {
    expect((await raw('POST', p, signed('POST', p, body), body)).status).toBe(200);
    expect(await raw('POST', p, signed('POST', p, body, { secret: 'not-the-registry-secret' }), body)).toMatchObject({ status: 401, body: { code: 'SIGNATURE_INVALID' } });
    const tampered = body.replace(zhang.name, '李四');
    expect(await raw('POST', p, signed('POST', p, body), tampered)).toMatchObject({ status: 401, body: { code: 'SIGNATURE_INVALID' } });
    expect(await raw('POST', p, signed('POST', p, body, { appId: 'someone-else' }), body)).toMatchObject({ status: 401, body: { code: 'APP_UNKNOWN' } });
    const stale = String(Math.floor(Date.now() / 1000) - 301);
    expect(await raw('POST', p, signed('POST', p, body, { timestamp: stale }), body)).toMatchObject({ status: 401, body: { code: 'TIMESTAMP_EXPIRED' } });
    const wrong = new HttpRegistryClient({ base: api.app.deps.config.registryApiBase, appId: appId(), secret: 'not-the-registry-secret' });
    await expect(wrong.verifyTitle(asZhang(DEMO_UNBOUND_CERT_NO))).rejects.toMatchObject({ status: 502, code: 'REGISTRY_AUTH_FAILED' });
  });

  test('a replayed request (same nonce) is refused even with a valid signature', async () => {
    const headers = signed('POST', p, body);
    expect((await raw('POST', p, headers, body)).status).toBe(200);
    expect(await raw('POST', p, headers, body)).toMatchObject({ status: 401, body: { code: 'NONCE_REPLAYED' } });
  });

  test('a genuine signed reply played back to another request is not trusted', async () => {
    const captured = await raw('POST', p, signed('POST', p, body), body);
    expect(captured.body.data).toBeDefined();
    const fake = http.createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(captured.body));
    });
    await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
    try {
      const client = new HttpRegistryClient({ base: `http://127.0.0.1:${(fake.address() as AddressInfo).port}/gw`, appId: appId(), secret: secret() });
      await expect(client.verifyTitle(asZhang(DEMO_UNBOUND_CERT_NO))).rejects.toMatchObject({ code: 'REGISTRY_BAD_REPLY' });
    } finally {
      fake.close();
    }
  });
});

describe('transient failures', () => {
  test('two 503s then success: the client retries; three: REGISTRY_UNAVAILABLE with a Chinese message', async () => {
    const before = await faults(api, 2);
    expect((await api.app.deps.registry.verifyTitle(asZhang(DEMO_UNBOUND_CERT_NO))).holderMatches).toBe(true);
    expect((await faults(api, 3)) - before).toBe(3);
    await expect(api.app.deps.registry.verifyTitle(asZhang(DEMO_UNBOUND_CERT_NO)))
      .rejects.toMatchObject({ status: 502, code: 'REGISTRY_UNAVAILABLE', message: expect.stringContaining('暂时不可用') });
  });
});
