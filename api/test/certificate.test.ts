// Printed certificates: the words a reader sees are really in the PDF (extracted as text, so
// the Chinese font maps back to the characters), the QR code embedded is the one that decodes
// to the verification page, and a certificate that no longer stands says so across the page.
import crypto from 'node:crypto';
import sharp from 'sharp';
import jsQR from 'jsqr';
import type PdfParse from 'pdf-parse';
import { chineseDate, qrPng, renderCertificatePdf, type CertificateInput } from '../src/platform/documents/certificate';
import { unsupportedChars } from '../src/platform/documents/fonts';
import { AppError } from '../src/platform/errors';

const permit: CertificateInput = {
  kind: 'presale_permit',
  title: '商品房预售许可证',
  number: '横琴房预许字（2026）第00012号',
  facts: [
    ['开发企业', '横琴粤澳深度合作区琴澳置业发展有限公司'],
    ['项目名称', '横琴·濠江湾花园（一期）'],
    ['坐落', '横琴粤澳深度合作区环岛东路与港澳大道交汇处东北侧，十字门中央商务区南片区地块编号 ZH-HQ-2024-017'],
    ['预售范围（幢号）', '1栋、2栋、3栋'],
    ['预售面积', '56,842.37 平方米'],
    ['套数', '512 套'],
    ['用途', '住宅、商业'],
    ['有效期', '2026年11月22日至2028年11月21日'],
  ],
  issuer: '横琴粤澳深度合作区城市规划和建设局',
  issuedOn: '2026-11-22',
  verifyUrl: 'https://hq.example.gov.cn/h5/#/verify/permit/PP2026-00012?c=7f3a9c21',
  sealText: '行政许可专用章',
  status: 'valid',
};

// The library's entry file runs a demo when it thinks it is the main module; use its lib.
const pdfParse: typeof PdfParse = require('pdf-parse/lib/pdf-parse.js');

async function pdfText(pdf: Buffer): Promise<string> {
  return (await pdfParse(pdf)).text;
}

/** Text as a reader sees it: line breaks from wrapping and letter-spacing gaps removed. */
const squash = (s: string) => s.replace(/\s+/g, '');

/** The compressed pixel data (IDAT) of a PNG, which pdfkit copies unchanged into the PDF. */
function idat(png: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let o = 8; o < png.length;) {
    const len = png.readUInt32BE(o);
    if (png.toString('latin1', o + 4, o + 8) === 'IDAT') parts.push(png.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  return Buffer.concat(parts);
}

describe('certificate PDF', () => {
  let pdf: Buffer;
  let text: string;
  beforeAll(async () => {
    pdf = await renderCertificatePdf(permit);
    text = squash(await pdfText(pdf));
  });

  test('is an A4 PDF with the Chinese title, number, every fact, the issuer and the date as text', () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(text).toContain('商品房预售许可证');
    expect(text).toContain('横琴房预许字（2026）第00012号');
    for (const [label, value] of permit.facts) {
      expect(text).toContain(squash(label));
      expect(text).toContain(squash(value));
    }
    expect(text).toContain('发证机关：横琴粤澳深度合作区城市规划和建设局');
    expect(text).toContain('二〇二六年十一月二十二日');
    expect(text).toContain('扫码核验');
    expect(text).toContain('电子印章以验证页面为准');
    expect(text).not.toContain('已注销');
  });

  test('embeds the QR code that decodes to the verification URL', async () => {
    const png = await qrPng(permit.verifyUrl);
    const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const decoded = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
    expect(decoded?.data).toBe(permit.verifyUrl);
    // The very same image is in the certificate: its pixel data appears byte for byte.
    expect(pdf.includes(idat(png))).toBe(true);
    expect(pdf.includes(idat(await qrPng(`${permit.verifyUrl}x`)))).toBe(false);
  });

  test('renders the same bytes for the same input (the sealed SHA-256 can be re-checked)', async () => {
    const again = await renderCertificatePdf(permit);
    expect(crypto.createHash('sha256').update(again).digest('hex')).toBe(crypto.createHash('sha256').update(pdf).digest('hex'));
  });

  test('a revoked certificate carries 已注销 and a superseded one 已变更 across the page', async () => {
    const revoked = squash(await pdfText(await renderCertificatePdf({ ...permit, status: 'revoked' })));
    expect(revoked).toContain('已注销');
    expect(revoked).toContain('商品房预售许可证');
    const superseded = squash(await pdfText(await renderCertificatePdf({ ...permit, kind: 'completed_filing', title: '现售备案证明', status: 'superseded' })));
    expect(superseded).toContain('已变更');
    expect(superseded).toContain('现售备案证明');
  });

  test('a long fact list shrinks to stay on one page; one that cannot fit is refused', async () => {
    const facts = Array.from({ length: 16 }, (_, i) => [`记载事项${i + 1}`, `横琴粤澳深度合作区环岛东路${i + 1}号商业综合楼`] as const);
    const out = await renderCertificatePdf({ ...permit, facts });
    expect(out.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(squash(await pdfText(out))).toContain('记载事项16');
    const tooMany = Array.from({ length: 40 }, (_, i) => [`事项${i + 1}`, '横琴粤澳深度合作区'] as const);
    await expect(renderCertificatePdf({ ...permit, facts: tooMany })).rejects.toMatchObject({ code: 'CERT_TOO_LONG' });
  });

  test('refuses characters the typeface cannot print rather than leaving blanks', async () => {
    expect(unsupportedChars('横琴粤澳〇（）·㎡ABC123')).toEqual([]);
    expect(unsupportedChars('开发企业𪚥')).toEqual(['𪚥']);
    await expect(renderCertificatePdf({ ...permit, facts: [['开发企业', '𪚥置业有限公司']] })).rejects.toMatchObject({
      code: 'CERT_CHAR_UNSUPPORTED',
    });
    await expect(renderCertificatePdf({ ...permit, facts: [['开发企业', '𪚥']] })).rejects.toBeInstanceOf(AppError);
  });
});

describe('Chinese dates on certificates', () => {
  test.each([
    ['2026-11-22', '二〇二六年十一月二十二日'],
    ['2027-01-05', '二〇二七年一月五日'],
    ['2030-10-30', '二〇三〇年十月三十日'],
    ['2028-12-31', '二〇二八年十二月三十一日'],
  ])('%s → %s', (iso, zh) => expect(chineseDate(iso)).toBe(zh));
});
