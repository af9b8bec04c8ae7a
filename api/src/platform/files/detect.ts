// File type from content, never from the name or the declared Content-Type.
import type { FileKind } from '@hq/common';

export interface Detected {
  mime: string;
  kind: FileKind;
  ext: string;
}

/** Major brands of the ISO BMFF 'ftyp' box that mean an MP4 video. */
const MP4_BRANDS = new Set(['isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'M4V ', 'dash', 'mmp4']);

const startsWith = (b: Buffer, sig: number[], offset = 0) => sig.every((v, i) => b[offset + i] === v);

/** Recognise allowed types from the first bytes (and, for OOXML, the zip's entry names). */
export function detectType(head: Buffer): Detected | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', kind: 'image', ext: 'jpg' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: 'image/png', kind: 'image', ext: 'png' };
  if (head.subarray(0, 6).toString('latin1') === 'GIF87a' || head.subarray(0, 6).toString('latin1') === 'GIF89a') {
    return { mime: 'image/gif', kind: 'image', ext: 'gif' };
  }
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') {
    return { mime: 'image/webp', kind: 'image', ext: 'webp' };
  }
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return { mime: 'application/pdf', kind: 'pdf', ext: 'pdf' };
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return { mime: 'application/x-ole-storage', kind: 'office', ext: 'doc' }; // .doc/.xls/.ppt (OLE2)
  }
  if (head.subarray(4, 8).toString('latin1') === 'ftyp' && MP4_BRANDS.has(head.subarray(8, 12).toString('latin1'))) {
    return { mime: 'video/mp4', kind: 'video', ext: 'mp4' }; // ISO BMFF; HEIC/AVIF/QuickTime brands are not MP4
  }
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    const names = head.toString('latin1');
    if (!names.includes('[Content_Types].xml')) return null; // a plain zip is not an Office document
    if (names.includes('word/')) return { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', kind: 'office', ext: 'docx' };
    if (names.includes('xl/')) return { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', kind: 'office', ext: 'xlsx' };
    if (names.includes('ppt/')) return { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', kind: 'office', ext: 'pptx' };
    return null;
  }
  return null;
}

/** What people are told is accepted. */
export const ACCEPTED_TYPES_TEXT = '仅接受 JPG/PNG/GIF/WebP 图片、PDF、Office 文档和 MP4 视频';

/** Bytes of a file's start that `couldBeAllowed` needs. */
export const SIGNATURE_BYTES = 16;

/**
 * Whether a file starting with `head` (at least SIGNATURE_BYTES) can still turn out to be an
 * accepted type: lets an upload of the wrong type be refused on its first chunk, before the
 * rest is sent. The full check (`detectType`) runs on the complete file.
 */
export function couldBeAllowed(head: Buffer): boolean {
  if (detectType(head)) return true;
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return true; // zip: Office is decided by its entry names
  return false;
}

/** Whether a file name's extension is one an accepted type may carry (no extension: decided by content). */
export function extensionAllowed(name: string): boolean {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return true;
  const ext = name.slice(dot + 1).toLowerCase();
  return Object.values(EXTENSIONS).some((list) => list.includes(ext));
}

/** What a refused file looks like, for a message a person understands. */
export function describeRefused(head: Buffer): string {
  if (startsWith(head, [0x4d, 0x5a])) return 'Windows 可执行程序';
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return 'Linux 可执行程序';
  if (head.subarray(0, 2).toString('latin1') === '#!') return '脚本文件';
  if (/^\s*<(!doctype|html|svg|\?xml)/i.test(head.subarray(0, 64).toString('latin1'))) return 'HTML/SVG/XML 文件';
  return '未知类型';
}

/** Extensions that may carry each detected type; a mismatch is refused as spoofing. */
export const EXTENSIONS: Record<string, string[]> = {
  jpg: ['jpg', 'jpeg'], png: ['png'], gif: ['gif'], webp: ['webp'], pdf: ['pdf'],
  doc: ['doc', 'xls', 'ppt', 'wps', 'et'], docx: ['docx'], xlsx: ['xlsx'], pptx: ['pptx'], mp4: ['mp4', 'm4v'],
};
