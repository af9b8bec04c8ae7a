import http from 'node:http';
import sharp from 'sharp';
import { FileObject } from '../src/platform/models';
import { startTestApi, type TestApi } from './harness';

let api: TestApi;
let token: string;
beforeAll(async () => {
  api = await startTestApi();
  token = (await api.login('dev1')).accessToken;
});
afterAll(() => api.close());

async function upload(name: string, data: Buffer, tok = token) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)]), name);
  const res = await fetch(`${api.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${tok}` }, body: form });
  return { status: res.status, body: (await res.json()) as any };
}

const photoWithGps = () =>
  sharp({ create: { width: 640, height: 480, channels: 3, background: '#3366cc' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'TestCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '22/1 7/1 3000/100', GPSLongitudeRef: 'E', GPSLongitude: '113/1 31/1 1200/100' } })
    .toBuffer();

describe('uploads', () => {
  test('an executable renamed .jpg is refused, and nothing is stored', async () => {
    const before = await FileObject.count(); // the demo seed stores the 《购房陷阱知多少》 video
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    const r = await upload('photo.jpg', exe);
    expect(r.status).toBe(415);
    expect(r.body.code).toBe('FILE_TYPE_REFUSED');
    expect(r.body.message).toContain('Windows 可执行程序');
    const elf = await upload('scan.pdf', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(100)]));
    expect(elf.status).toBe(415);
    const html = await upload('a.png', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(html.status).toBe(415);
    expect(await FileObject.count()).toBe(before);
  });

  test('a wrong type is refused on its first bytes, while the rest of the upload is still on its way', async () => {
    // Send the multipart head and the first 4 KB of an executable, then hold the request open.
    const boundary = 'hqboundary7d2f';
    const url = new URL(`${api.url}/api/files`);
    const answer = await new Promise<{ status: number; body: any; bodyFinished: boolean }>((resolve, reject) => {
      let bodyFinished = false;
      const req = http.request({
        host: url.hostname, port: url.port, path: url.pathname, method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(50 * 1024 * 1024) },
      }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text), bodyFinished }));
      });
      req.on('error', reject);
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="setup.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
      req.write(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(4096, 0x90)]));
      // 50 MB announced, 4 KB sent: the answer can only come from the early check.
      setTimeout(() => {
        bodyFinished = true;
        req.destroy();
      }, 5000).unref();
    });
    expect(answer).toMatchObject({ status: 415, bodyFinished: false, body: { code: 'FILE_TYPE_REFUSED' } });
    expect(answer.body.message).toContain('Windows 可执行程序');

    // A name no accepted type carries is refused before any content is looked at.
    const bat = await upload('run.bat', Buffer.from('%PDF-1.7\n'));
    expect(bat).toMatchObject({ status: 415, body: { code: 'FILE_TYPE_REFUSED' } });
    expect(bat.body.message).toContain('.bat');
  });

  test('a real PDF named .jpg is refused as a mismatch', async () => {
    const r = await upload('photo.jpg', Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n'));
    expect(r.status).toBe(415);
    expect(r.body.code).toBe('FILE_TYPE_MISMATCH');
  });

  test('a photo is stored with checksum and thumbnail; its location stays private', async () => {
    const jpg = await photoWithGps();
    const r = await upload('现场照片.jpg', jpg);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ mime: 'image/jpeg', kind: 'image', name: '现场照片.jpg', size: jpg.length });
    expect(r.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const rec = (await FileObject.findByPk(r.body.id))!;
    expect(rec.location).toBe('22.125000,113.520000');

    const original = await fetch(`${api.url}/api/files/${r.body.id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(Buffer.from(await original.arrayBuffer()).equals(jpg)).toBe(true);
    const pub = Buffer.from(await (await fetch(`${api.url}/api/files/${r.body.id}?variant=public`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer());
    expect((await sharp(pub).metadata()).exif).toBeUndefined();
    const thumb = Buffer.from(await (await fetch(`${api.url}${r.body.thumbnailUrl}`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer());
    const tm = await sharp(thumb).metadata();
    expect(Math.max(tm.width!, tm.height!)).toBe(320);
    expect(tm.exif).toBeUndefined();

    // Retrying the same upload does not create a second record.
    const again = await upload('现场照片.jpg', jpg);
    expect(again.body.id).toBe(r.body.id);
  });

  test('downloads are checked per record', async () => {
    const mine = await upload('材料.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
    const other = await api.login('dev2');
    const r = await fetch(`${api.url}/api/files/${mine.body.id}`, { headers: { authorization: `Bearer ${other.accessToken}` } });
    expect(r.status).toBe(403);
    const reviewer = await api.login('reviewer1');
    expect((await fetch(`${api.url}/api/files/${mine.body.id}`, { headers: { authorization: `Bearer ${reviewer.accessToken}` } })).status).toBe(200);
    expect((await fetch(`${api.url}/api/files/${mine.body.id}`)).status).toBe(401);
    // A private file is not reachable through the public path.
    expect((await fetch(`${api.url}/api/public/files/${mine.body.id}`)).status).toBe(404);
  });

  test('Office documents are recognised by their content', async () => {
    const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('[Content_Types].xml'), Buffer.alloc(40), Buffer.from('word/document.xml')]);
    const r = await upload('申请书.docx', docx);
    expect(r.status).toBe(201);
    expect(r.body.kind).toBe('office');
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60)]);
    expect((await upload('archive.docx', zip)).status).toBe(415);
  });

  test('empty, oversize and non-multipart uploads get clear 4xx answers', async () => {
    expect((await upload('empty.pdf', Buffer.alloc(0))).body.code).toBe('FILE_REQUIRED');
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(31 * 1024 * 1024)]);
    const r = await upload('big.pdf', big);
    expect(r.status).toBe(413);
    const json = await api.call('POST', '/api/files', { token, body: { file: 'x' } });
    expect(json.status).toBe(415);
    expect(json.body.code).toBe('MULTIPART_REQUIRED');
  });
});
