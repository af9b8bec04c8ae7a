// Outbound HTTP for adapters: timeouts, bounded retries on network errors and 5xx, JSON.
export interface HttpOptions {
  timeoutMs?: number;
  retries?: number;
}

export class UpstreamError extends Error {
  constructor(readonly system: string, message: string, readonly status?: number) {
    super(message);
  }
}

export async function fetchJson<T>(system: string, url: string, init: RequestInit = {}, opts: HttpOptions = {}): Promise<T> {
  const retries = opts.retries ?? 2;
  let lastErr: unknown;
  for (let attempt = 0; attempt <= retries; attempt++) {
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(opts.timeoutMs ?? 5000) });
      if (res.status >= 500) throw new UpstreamError(system, `${system} answered ${res.status}`, res.status);
      const text = await res.text();
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new UpstreamError(system, `${system} answered non-JSON (${res.status})`, res.status);
      }
    } catch (e) {
      lastErr = e;
      if (e instanceof UpstreamError && e.status && e.status < 500) throw e;
      if (attempt < retries) await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
    }
  }
  throw lastErr instanceof UpstreamError ? lastErr : new UpstreamError(system, `${system} unreachable: ${String(lastErr)}`);
}
