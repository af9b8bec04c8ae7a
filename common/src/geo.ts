// Coordinates. The product stores GCJ-02 (what WeChat's map and AMap/Tencent maps use) and
// converts to WGS-84 (GPS, open data) and BD-09 (Baidu's Hengqin map) at the edges.
// The GCJ-02 offset is the published approximation (krasovsky ellipsoid); the inverse is
// iterative and agrees to better than 1e-6°.

export type Crs = 'gcj02' | 'wgs84' | 'bd09';
export interface LngLat { lng: number; lat: number }

const A = 6378245.0;
const EE = 0.006693421622965943;
const X_PI = (Math.PI * 3000.0) / 180.0;

/** Mainland China's rough bounding box; outside it GCJ-02 equals WGS-84 (Macao and HK are offset too in practice). */
export function outOfChina({ lng, lat }: LngLat): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function transformLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return r;
}

function transformLng(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return r;
}

function offset({ lng, lat }: LngLat): LngLat {
  let dLat = transformLat(lng - 105.0, lat - 35.0);
  let dLng = transformLng(lng - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lng: dLng, lat: dLat };
}

export function wgs84ToGcj02(p: LngLat): LngLat {
  if (outOfChina(p)) return { ...p };
  const d = offset(p);
  return { lng: p.lng + d.lng, lat: p.lat + d.lat };
}

export function gcj02ToWgs84(p: LngLat): LngLat {
  if (outOfChina(p)) return { ...p };
  let w = { lng: p.lng, lat: p.lat };
  for (let i = 0; i < 10; i++) {
    const g = wgs84ToGcj02(w);
    const dx = g.lng - p.lng;
    const dy = g.lat - p.lat;
    w = { lng: w.lng - dx, lat: w.lat - dy };
    if (Math.abs(dx) < 1e-9 && Math.abs(dy) < 1e-9) break;
  }
  return w;
}

export function gcj02ToBd09({ lng, lat }: LngLat): LngLat {
  const z = Math.sqrt(lng * lng + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
  const theta = Math.atan2(lat, lng) + 0.000003 * Math.cos(lng * X_PI);
  return { lng: z * Math.cos(theta) + 0.0065, lat: z * Math.sin(theta) + 0.006 };
}

export function bd09ToGcj02({ lng, lat }: LngLat): LngLat {
  const x = lng - 0.0065;
  const y = lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
  return { lng: z * Math.cos(theta), lat: z * Math.sin(theta) };
}

/** Convert a stored GCJ-02 point to the caller's system. */
export function fromGcj02(p: LngLat, to: Crs): LngLat {
  if (to === 'wgs84') return gcj02ToWgs84(p);
  if (to === 'bd09') return gcj02ToBd09(p);
  return { ...p };
}

/** Convert a caller's point to GCJ-02 for storage or querying. */
export function toGcj02(p: LngLat, from: Crs): LngLat {
  if (from === 'wgs84') return wgs84ToGcj02(p);
  if (from === 'bd09') return bd09ToGcj02(p);
  return { ...p };
}

/** Round to 6 decimals (≈0.1 m), the precision coordinates are stored and shown with. */
export function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** Hengqin island in GCJ-02: where the map opens and what new coordinates are checked against. */
export const HENGQIN_BOUNDS = { minLng: 113.45, minLat: 22.06, maxLng: 113.59, maxLat: 22.17 } as const;
export const HENGQIN_CENTRE: LngLat = { lng: 113.53, lat: 22.12 };
