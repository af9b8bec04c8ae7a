// Masking for public responses (PIPL art. 25, DOMAIN.md §12). Applied on the server.

/** 张三 → 张*, 欧阳娜娜 → 欧***; a single character stays hidden entirely. */
export function maskName(name: string | null | undefined): string {
  if (!name) return '';
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** 13812341234 → 138****1234; anything else keeps at most its last 4 characters. */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const p = phone.replace(/[\s-]/g, '');
  if (p.length === 11) return `${p.slice(0, 3)}****${p.slice(7)}`;
  if (p.length <= 4) return '*'.repeat(p.length);
  return '*'.repeat(p.length - 4) + p.slice(-4);
}

/** ID numbers keep at most the first 3 and last 4 characters; short ones keep less. */
export function maskIdNumber(id: string | null | undefined): string {
  if (!id) return '';
  const v = id.trim();
  if (v.length >= 12) return v.slice(0, 3) + '*'.repeat(v.length - 7) + v.slice(-4);
  if (v.length >= 6) return v.slice(0, 1) + '*'.repeat(v.length - 3) + v.slice(-2);
  return '*'.repeat(v.length);
}

/** Bank accounts are never shown publicly; staff see the last 4 digits only. */
export function maskBankAccount(acct: string | null | undefined): string {
  if (!acct) return '';
  const v = acct.replace(/\s/g, '');
  return '**** ' + v.slice(-4);
}

/** Patterns a public response must never contain (used by tests walking public endpoints). */
export const UNMASKED_PATTERNS: Record<string, RegExp> = {
  residentId: /(?<![0-9])[1-9][0-9]{5}(18|19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9])/,
  mobile: /(?<![0-9])1[3-9][0-9]{9}(?![0-9])/,
};

/**
 * Free text shown on a public page (a rating's reason, a document number typed by a person):
 * anything that looks like an ID number or a mobile number is masked in place.
 */
export function scrubPublicText(text: string | null | undefined): string {
  if (!text) return '';
  return text
    .replace(/(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])/g, (m) => maskIdNumber(m))
    .replace(/(?<![0-9])1[3-9][0-9]{9}(?![0-9])/g, (m) => maskPhone(m));
}
