// Printed certificates (预售许可证, 现售备案证明, 资质证书, 备案证明) that anyone can verify: A4, double border,
// the facts in a two-column table, the issuer and date over a drawn seal, and a QR code that
// opens the public verification page. The seal is a vector rendering, not the legal e-seal:
// the e-seal lives with the provincial e-licence system (integrations/elicence) and the
// verification page is what counts, which the certificate says in print.
// Rendering is deterministic for the same input (fixed dates in the PDF metadata), so a
// certificate can be re-rendered and compared with the SHA-256 sent for sealing.
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { errors } from '../errors';
import { cjkFont, unsupportedChars } from './fonts';

export type CertificateKind = 'presale_permit' | 'completed_filing' | 'developer_qualification' | 'agency_filing' | 'broker_filing' | 'property_filing';
export type CertificateStatus = 'valid' | 'revoked' | 'superseded';

export interface CertificateInput {
  kind: CertificateKind;
  /** e.g. 商品房预售许可证 / 现售备案证明 */
  title: string;
  /** e.g. 横琴房预许字（2026）第00012号 */
  number: string;
  /** Ordered [label, value] rows: 开发企业, 项目名称, 坐落, 预售范围, 预售面积 … */
  facts: ReadonlyArray<readonly [string, string]>;
  issuer: string;
  /** YYYY-MM-DD, printed as 二〇二六年十一月二十二日 */
  issuedOn: string;
  /** Public verification page, encoded in the QR code. */
  verifyUrl: string;
  /** Seal's bottom line, e.g. 行政许可专用章 */
  sealText?: string;
  status: CertificateStatus;
}

const KIND_SUBJECT: Record<CertificateKind, string> = {
  presale_permit: '商品房预售许可', completed_filing: '商品房现售备案', developer_qualification: '房地产开发企业资质',
  agency_filing: '房地产中介机构备案', broker_filing: '房地产经纪人备案', property_filing: '物业服务企业备案',
};
/** Watermark on a certificate that no longer stands. */
export const STATUS_WATERMARK: Record<Exclude<CertificateStatus, 'valid'>, string> = { revoked: '已注销', superseded: '已变更' };

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** 2026-11-22 → 二〇二六年十一月二十二日 (the style used on Chinese official documents). */
export function chineseDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new Error(`bad date ${isoDate}`);
  const year = [...m[1]].map((d) => DIGITS[Number(d)]).join('');
  return `${year}年${chineseNumber(Number(m[2]))}月${chineseNumber(Number(m[3]))}日`;
}

/**
 * The QR code printed on the certificate: an 8-bit greyscale PNG without alpha, so pdfkit
 * embeds its compressed pixel data unchanged (the PDF carries exactly this image).
 */
export async function qrPng(url: string): Promise<Buffer> {
  const rgba = await QRCode.toBuffer(url, { errorCorrectionLevel: 'M', margin: 2, scale: 8 });
  return sharp(rgba).flatten({ background: '#ffffff' }).toColourspace('b-w').png({ compressionLevel: 9 }).toBuffer();
}

// A4 in points, and the page's furniture.
const W = 595.28;
const H = 841.89;
const RED = '#c8161d';
const INK = '#1a1a1a';
const FRAME = '#7b1c1c';
const TABLE_X = 72;
const TABLE_W = W - 2 * TABLE_X;
const LABEL_W = 132;
const TABLE_TOP = 178;
const TABLE_BOTTOM_LIMIT = 630;

export async function renderCertificatePdf(input: CertificateInput): Promise<Buffer> {
  const printed = [input.title, input.number, input.issuer, input.sealText ?? '', ...input.facts.flat()].join('');
  const missing = unsupportedChars(printed);
  if (missing.length) {
    throw errors.badRequest('CERT_CHAR_UNSUPPORTED', `证书内容含有无法打印的字符：${missing.join(' ')}，请改用规范汉字`);
  }
  const dateText = chineseDate(input.issuedOn);
  const qr = await qrPng(input.verifyUrl);
  const fixedDate = new Date(`${input.issuedOn}T00:00:00+08:00`);

  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: true,
    info: {
      Title: `${input.title} ${input.number}`,
      Author: input.issuer,
      Subject: KIND_SUBJECT[input.kind],
      Keywords: input.verifyUrl,
      Creator: '横琴房地产信息系统',
      Producer: '横琴房地产信息系统',
      CreationDate: fixedDate,
      ModDate: fixedDate,
    },
  });
  doc.registerFont('cjk', cjkFont('regular'));
  doc.registerFont('cjk-bold', cjkFont('bold'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  drawFrame(doc);
  drawHeading(doc, input.title, input.number);
  drawFacts(doc, input.facts);
  drawQr(doc, qr);
  drawIssuer(doc, input.issuer, dateText, input.sealText);
  if (input.status !== 'valid') drawWatermark(doc, STATUS_WATERMARK[input.status]);
  doc.end();
  return done;
}

type Doc = PDFKit.PDFDocument;

function drawFrame(doc: Doc): void {
  doc.save().lineWidth(3).strokeColor(FRAME).rect(28, 28, W - 56, H - 56).stroke();
  doc.lineWidth(0.8).rect(35, 35, W - 70, H - 70).stroke();
  // Small corner squares, as printed certificate frames have.
  for (const [x, y] of [[35, 35], [W - 35, 35], [35, H - 35], [W - 35, H - 35]]) {
    doc.rect(x - 4, y - 4, 8, 8).fill(FRAME);
  }
  doc.restore();
}

function drawHeading(doc: Doc, title: string, number: string): void {
  // Large, widely spaced title, centred as on national certificate forms.
  const size = title.length > 8 ? 26 : 30;
  const spacing = title.length > 8 ? 4 : 8;
  doc.font('cjk-bold').fontSize(size).fillColor(INK);
  const width = doc.widthOfString(title, { characterSpacing: spacing }) - spacing;
  doc.text(title, (W - width) / 2, 82, { characterSpacing: spacing, lineBreak: false });
  doc.font('cjk').fontSize(13).fillColor(INK);
  doc.text(number, 60, 132, { width: W - 120, align: 'center', lineBreak: false });
  doc.save().moveTo(TABLE_X, 160).lineTo(W - TABLE_X, 160).lineWidth(0.6).strokeColor(FRAME).stroke().restore();
}

function drawFacts(doc: Doc, facts: CertificateInput['facts']): void {
  // Shrink the type (and the cell padding with it) until every row fits above the issuer block.
  let size = 12;
  let pad = 8;
  let valueW = 0;
  let heights: number[] = [];
  for (; size >= 8; size -= 0.5) {
    pad = Math.round(size * 0.65);
    valueW = TABLE_W - LABEL_W - 2 * pad;
    doc.font('cjk').fontSize(size);
    heights = facts.map(([label, value]) => {
      const v = doc.heightOfString(value || '—', { width: valueW, lineGap: 2 });
      const l = doc.heightOfString(label, { width: LABEL_W - 2 * pad, lineGap: 2 });
      return Math.max(v, l) + 2 * pad;
    });
    if (TABLE_TOP + heights.reduce((a, b) => a + b, 0) <= TABLE_BOTTOM_LIMIT) break;
  }
  if (size < 8) throw errors.badRequest('CERT_TOO_LONG', '证书记载事项过多，一页无法容纳');

  let y = TABLE_TOP;
  facts.forEach(([label, value], i) => {
    const h = heights[i];
    doc.save().rect(TABLE_X, y, LABEL_W, h).fill('#f7f1e6').restore();
    doc.font('cjk-bold').fontSize(size).fillColor(INK);
    const lh = doc.heightOfString(label, { width: LABEL_W - 2 * pad, lineGap: 2 });
    doc.text(label, TABLE_X + pad, y + (h - lh) / 2, { width: LABEL_W - 2 * pad, align: 'center', lineGap: 2 });
    doc.font('cjk').fontSize(size);
    const vh = doc.heightOfString(value || '—', { width: valueW, lineGap: 2 });
    doc.text(value || '—', TABLE_X + LABEL_W + pad, y + (h - vh) / 2, { width: valueW, lineGap: 2 });
    y += h;
  });
  // Grid over the fills.
  doc.save().lineWidth(0.7).strokeColor('#5a4a3a');
  doc.rect(TABLE_X, TABLE_TOP, TABLE_W, y - TABLE_TOP).stroke();
  doc.moveTo(TABLE_X + LABEL_W, TABLE_TOP).lineTo(TABLE_X + LABEL_W, y).stroke();
  let rowY = TABLE_TOP;
  for (const h of heights.slice(0, -1)) {
    rowY += h;
    doc.moveTo(TABLE_X, rowY).lineTo(TABLE_X + TABLE_W, rowY).stroke();
  }
  doc.restore();
}

function drawQr(doc: Doc, png: Buffer): void {
  const size = 104;
  const x = TABLE_X;
  const y = 648;
  doc.image(png, x, y, { width: size, height: size });
  doc.font('cjk').fontSize(10.5).fillColor(INK).text('扫码核验', x, y + size + 4, { width: size, align: 'center', lineBreak: false });
}

function drawIssuer(doc: Doc, issuer: string, dateText: string, sealText?: string): void {
  const right = W - TABLE_X;
  const blockW = 260;
  doc.font('cjk').fontSize(13).fillColor(INK);
  doc.text(`发证机关：${issuer}`, right - blockW - 60, 672, { width: blockW + 60, align: 'right' });
  doc.text(dateText, right - blockW, 698, { width: blockW, align: 'right', lineBreak: false });
  drawSeal(doc, right - 80, 692, 58, issuer, sealText);
  doc.font('cjk').fontSize(8.5).fillColor('#666666');
  doc.text('印章为电子印章示意图样，电子印章以验证页面为准', right - blockW, 756, { width: blockW, align: 'right', lineBreak: false });
}

/** Round red seal: double ring, five-pointed star, issuer on the upper arc, optional bottom line. */
function drawSeal(doc: Doc, cx: number, cy: number, r: number, issuer: string, sealText?: string): void {
  doc.save().opacity(0.82).fillColor(RED).strokeColor(RED);
  doc.lineWidth(2.6).circle(cx, cy, r).stroke();
  doc.lineWidth(0.6).circle(cx, cy, r - 4).stroke();
  star(doc, cx, cy, r * 0.3);

  // Issuer along the arc, reading clockwise, each character upright towards the rim.
  const chars = [...issuer];
  const span = Math.min(220, 22 * chars.length);
  const step = ((chars.length > 1 ? span / (chars.length - 1) : 30) * Math.PI) / 180;
  // A glyph's centre sits at r - 6 - size/2; size it so neighbours do not touch there.
  const fontSize = Math.min(13, (0.88 * step * (r - 6)) / (1 + 0.44 * step));
  doc.font('cjk-bold').fontSize(fontSize);
  chars.forEach((ch, i) => {
    const angle = -span / 2 + (i * step * 180) / Math.PI;
    doc.save().translate(cx, cy).rotate(angle);
    const w = doc.widthOfString(ch);
    doc.text(ch, -w / 2, -(r - 6), { lineBreak: false });
    doc.restore();
  });
  if (sealText) {
    doc.font('cjk-bold').fontSize(Math.min(9.5, (1.1 * r) / [...sealText].length));
    const w = doc.widthOfString(sealText);
    doc.text(sealText, cx - w / 2, cy + r * 0.45, { lineBreak: false });
  }
  doc.restore();
}

function star(doc: Doc, cx: number, cy: number, outer: number): void {
  const inner = outer * 0.382;
  const pts: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const rad = ((-90 + i * 36) * Math.PI) / 180;
    const len = i % 2 === 0 ? outer : inner;
    pts.push([cx + len * Math.cos(rad), cy + len * Math.sin(rad)]);
  }
  doc.polygon(...pts).fill();
}

function drawWatermark(doc: Doc, text: string): void {
  doc.save().translate(W / 2, H / 2).rotate(-30).opacity(0.28).fillColor(RED).font('cjk-bold').fontSize(120);
  const w = doc.widthOfString(text, { characterSpacing: 24 }) - 24;
  doc.text(text, -w / 2, -70, { characterSpacing: 24, lineBreak: false });
  doc.lineWidth(5).strokeColor(RED).rect(-w / 2 - 30, -90, w + 60, 190).stroke();
  doc.restore();
}
