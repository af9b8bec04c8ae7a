// The form store as the API's draft: empty inputs are left out (a draft may be partial, and the
// API reports "please fill in X" rather than "X has the wrong format" for a field left empty).
export function cleanForm(value: Record<string, unknown>): Record<string, unknown> {
  return (clean(value) as Record<string, unknown> | undefined) ?? {};
}

function clean(v: unknown): unknown {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (Array.isArray(v)) return v.map((x) => clean(x) ?? null).filter((x) => x !== null);
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const c = clean(x);
      if (c !== undefined) out[k] = c;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return v;
}
