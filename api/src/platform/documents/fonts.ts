// The Chinese typeface for generated PDFs, delivered by npm so a fresh machine needs no system
// fonts: Noto Sans Hans (思源黑体, GB2312 coverage plus Latin, digits and full-width
// punctuation) from @embedpdf/fonts-sc, OFL-1.1. pdfkit embeds only the glyphs a document uses.
// CFF-based OTF on purpose: fontkit loses glyph outlines when pdfkit subsets WOFF2 files, so
// the @fontsource packages (WOFF/WOFF2 only) print blank characters.
import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';

export type FontWeight = 'regular' | 'bold';

const FILES: Record<FontWeight, string> = { regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' };

const loaded = new Map<FontWeight, Buffer>();
let regularFace: fontkit.Font | null = null;

function fontDir(): string {
  // The package exports only its index; the .otf files sit in ../fonts beside dist/.
  return path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
}

/** Font file bytes, read once per process. */
export function cjkFont(weight: FontWeight): Buffer {
  let buf = loaded.get(weight);
  if (!buf) {
    buf = fs.readFileSync(path.join(fontDir(), FILES[weight]));
    loaded.set(weight, buf);
  }
  return buf;
}

/** Characters the typeface cannot draw (they would print as blanks on a legal document). */
export function unsupportedChars(text: string): string[] {
  if (!regularFace) regularFace = fontkit.create(cjkFont('regular')) as fontkit.Font;
  const face = regularFace;
  const missing = new Set<string>();
  for (const ch of text) {
    if (/\s/.test(ch)) continue;
    if (!face.hasGlyphForCodePoint(ch.codePointAt(0)!)) missing.add(ch);
  }
  return [...missing];
}
