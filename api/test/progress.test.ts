import sharp from 'sharp';
import { shanghaiDate, addDays } from '@hq/common';
import { FileObject, User } from '../src/platform/models';
import { Building, Project, ProgressReport } from '../src/modules/realestate/models';
import { startTestApi, type TestApi } from './harness';

let api: TestApi;
let dev1: string;
let dev2: string;
let reviewer: string;
let project: Project;
let building: Building;

async function upload(name: string, data: Buffer, tok = dev1) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)]), name);
  const res = await fetch(`${api.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${tok}` }, body: form });
  return (await res.json()) as any;
}
const photo = (colour: string) => sharp({ create: { width: 320, height: 240, channels: 3, background: colour } }).jpeg().toBuffer();
const report = (body: unknown, tok = dev1, id = building.id) => api.call('POST', `/api/buildings/${id}/progress`, { token: tok, body });
const today = () => shanghaiDate();

beforeAll(async () => {
  api = await startTestApi();
  dev1 = (await api.login('dev1')).accessToken;
  dev2 = (await api.login('dev2')).accessToken;
  reviewer = (await api.login('reviewer1')).accessToken;
  const org1 = (await User.findOne({ where: { username: 'dev1' } }))!.org_id!;
  project = await Project.create({
    developer_org_id: org1, name: '形象进度测试项目', filed_name: null, marketing_name: null, parcel_code: null, address: '珠海市横琴粤澳深度合作区环岛东路2号',
    district: '横琴新家园片区', lng: null, lat: null, land_area: null, planned_floor_area: null, status: 'planning',
  });
  building = await Building.create({
    project_id: project.id, building_no: '1栋', survey_no: null, structure: '钢筋混凝土', use: 'residential', floors_total: 18, floors_built: 0,
    floors_underground: 1, address: null, total_area: 0, base_area: null, presale_room_count: 0,
  });
});
afterAll(() => api.close());

describe('形象进度', () => {
  let photos: string[];

  test('a report with photos moves the building forward and publishes the photos', async () => {
    photos = [(await upload('基础.jpg', await photo('#884400'))).id, (await upload('塔吊.jpg', await photo('#446688'))).id];
    // Not public before the report.
    expect((await fetch(`${api.url}/api/public/files/${photos[0]}`)).status).toBe(404);
    const versionBefore = (await Project.findByPk(project.id))!.version;

    const r = await report({ node: 'structure', floorsDone: 6, reportedOn: today(), description: '主体结构施工至第6层', photoIds: photos });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ node: 'structure', nodeLabel: '主体施工', floorsDone: 6, buildingNo: '1栋', reportedBy: expect.stringContaining('陈芳') });
    expect(r.body.photos).toHaveLength(2);
    expect(r.body.photos[0].url).toBe(`/api/public/files/${photos[0]}`);

    const b = (await Building.findByPk(building.id))!;
    expect(b).toMatchObject({ progress_node: 'structure', progress_floors: 6, floors_built: 6 });
    expect(b.progress_at).not.toBeNull();
    expect((await Project.findByPk(project.id))!.version).toBe(versionBefore + 1);

    const pub = await fetch(`${api.url}${r.body.photos[0].url}`);
    expect(pub.status).toBe(200);
    expect(pub.headers.get('content-type')).toBe('image/jpeg');
    expect((await sharp(Buffer.from(await pub.arrayBuffer())).metadata()).exif).toBeUndefined();
    expect((await fetch(`${api.url}${r.body.photos[1].thumbnailUrl}`)).status).toBe(200);
  });

  test('the same node with more floors is progress; an earlier node or fewer floors is refused', async () => {
    const more = await report({ node: 'structure', floorsDone: 10, reportedOn: today(), photoIds: [photos[1]] });
    expect(more.status).toBe(201);
    const fewer = await report({ node: 'structure', floorsDone: 8, reportedOn: today(), photoIds: [photos[1]] });
    expect(fewer.status).toBe(409);
    expect(fewer.body.code).toBe('PROGRESS_BACKWARDS');
    const back = await report({ node: 'foundation_done', reportedOn: today(), photoIds: [photos[1]] });
    expect(back.status).toBe(409);
    expect(back.body.code).toBe('PROGRESS_BACKWARDS');
    expect(back.body.message).toContain('主体施工');
    expect((await Building.findByPk(building.id))!).toMatchObject({ progress_node: 'structure', progress_floors: 10, floors_built: 10 });
  });

  test('input rules: date not in the future, floors required and within the building, photos are the reporter\'s images', async () => {
    const future = await report({ node: 'structure', floorsDone: 11, reportedOn: addDays(today(), 1), photoIds: [photos[0]] });
    expect(future.status).toBe(400);
    expect(future.body.code).toBe('PROGRESS_DATE_FUTURE');
    const noFloors = await report({ node: 'structure', reportedOn: today(), photoIds: [photos[0]] });
    expect(noFloors.body.code).toBe('PROGRESS_FLOORS_REQUIRED');
    const tooHigh = await report({ node: 'structure', floorsDone: 19, reportedOn: today(), photoIds: [photos[0]] });
    expect(tooHigh.body.code).toBe('PROGRESS_FLOORS_EXCEED');
    const none = await report({ node: 'structure', floorsDone: 11, reportedOn: today(), photoIds: [] });
    expect(none.status).toBe(400);
    const ten = await report({ node: 'structure', floorsDone: 11, reportedOn: today(), photoIds: Array(10).fill(photos[0]) });
    expect(ten.status).toBe(400);
    const pdf = await upload('进度.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
    const notImage = await report({ node: 'structure', floorsDone: 11, reportedOn: today(), photoIds: [pdf.id] });
    expect(notImage.body.code).toBe('PROGRESS_PHOTO_NOT_IMAGE');
    const othersPhoto = await upload('他人.jpg', await photo('#22aa22'), dev2);
    const notMine = await report({ node: 'structure', floorsDone: 11, reportedOn: today(), photoIds: [othersPhoto.id] });
    expect(notMine.body.code).toBe('PROGRESS_PHOTO_NOT_FOUND');
    expect((await FileObject.findByPk(othersPhoto.id))!.visibility).toBe('private');
    const badNode = await report({ node: 'roof', reportedOn: today(), photoIds: [photos[0]] });
    expect(badNode.status).toBe(400);
    expect(await ProgressReport.count({ where: { building_id: building.id } })).toBe(2);
  });

  test('another developer may neither report nor read; regulators read every project', async () => {
    const mine = await upload('他企.jpg', await photo('#aa2222'), dev2);
    const r = await report({ node: 'topped_out', reportedOn: today(), photoIds: [mine.id] }, dev2);
    expect(r.status).toBe(403);
    expect((await FileObject.findByPk(mine.id))!.visibility).toBe('private');
    expect((await api.call('GET', `/api/buildings/${building.id}/progress`, { token: dev2 })).status).toBe(403);
    expect((await api.call('GET', `/api/projects/${project.id}/progress`, { token: dev2 })).status).toBe(403);
    expect((await report({ node: 'topped_out', reportedOn: today(), photoIds: photos }, reviewer)).status).toBe(403);

    const list = await api.call('GET', `/api/projects/${project.id}/progress`, { token: reviewer });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items[0]).toMatchObject({ floorsDone: 10, buildingNo: '1栋' });
    const own = await api.call('GET', `/api/buildings/${building.id}/progress?pageSize=1`, { token: dev1 });
    expect(own.body).toMatchObject({ total: 2, pageSize: 1 });
    expect(own.body.items[0].photos[0].url).toMatch(/^\/api\/public\/files\//);
  });

  test('topping out completes the structure floors', async () => {
    const r = await report({ node: 'topped_out', reportedOn: today(), photoIds: photos });
    expect(r.status).toBe(201);
    expect((await Building.findByPk(building.id))!).toMatchObject({ progress_node: 'topped_out', progress_floors: 18, floors_built: 18 });
  });
});
