// An in-process index of every project's public facts and sales figures, for search and the
// map. Hengqin has hundreds of projects, not millions, so filtering and clustering in memory
// beats SQL: one query tells whether any project moved (count + sum of versions), and only the
// projects whose version moved are reloaded. Every room event bumps its project's version, so
// the index reflects a sale within the freshness window (500 ms) of the next request.
import { QueryTypes } from 'sequelize';
import type { RoomUse, SaleStatus, ProjectStatus, PublicProjectSummary, SalesSummary } from '@hq/common';
import type { Db } from '../../platform/db';

export interface IndexedProject {
  id: number;
  version: number;
  name: string;
  filedName: string | null;
  parcelCode: string | null;
  marketingName: string | null;
  district: string;
  address: string;
  developerId: number;
  developerName: string | null;
  status: ProjectStatus;
  lng: number | null;
  lat: number | null;
  permitNos: string[];
  uses: RoomUse[];
  roomCount: number;
  availableCount: number;
  minUnitPrice: number | null;
  maxUnitPrice: number | null;
  sales: SalesSummary;
  /** Lower-cased text searched by `keyword`. */
  haystack: string;
}

const SOLD: readonly string[] = ['signed', 'filed', 'registered'];

type ProjectRow = {
  id: number; version: number; name: string; filed_name: string | null; parcel_code: string | null; marketing_name: string | null; district: string; address: string;
  developer_org_id: number; developer_name: string | null; status: ProjectStatus; lng: number | null; lat: number | null;
};
type StatRow = { project_id: number; use: RoomUse; sale_status: SaleStatus; n: number | string; area: number | string | null; minp: number | string | null; maxp: number | string | null };

export class ProjectIndex {
  private projects = new Map<number, IndexedProject>();
  private signature = '';
  private checkedAt = 0;
  private refreshing: Promise<void> | null = null;

  constructor(private readonly db: Db, private readonly freshMs = 500) {}

  /** All indexed projects, current within the freshness window. */
  async all(): Promise<IndexedProject[]> {
    await this.refresh();
    return [...this.projects.values()];
  }

  async get(id: number): Promise<IndexedProject | undefined> {
    await this.refresh();
    return this.projects.get(id);
  }

  /** The project as of `version` (read from the database by the caller): reloaded now if the index is behind. */
  async atVersion(id: number, version: number): Promise<IndexedProject | undefined> {
    await this.refresh();
    if (this.projects.get(id)?.version !== version) await this.load([id]);
    return this.projects.get(id);
  }

  /** Changes whenever any project's version, or the set of projects, changes. */
  get signatureNow(): string {
    return this.signature;
  }

  private async refresh(): Promise<void> {
    if (Date.now() - this.checkedAt < this.freshMs) return;
    if (!this.refreshing) this.refreshing = this.doRefresh().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async doRefresh(): Promise<void> {
    const q = this.db.sequelize;
    const [sig] = await q.query<{ n: number | string; v: number | string | null; m: number | string | null }>(
      'SELECT COUNT(*) AS n, SUM(version) AS v, MAX(id) AS m FROM projects', { type: QueryTypes.SELECT },
    );
    const signature = `${sig.n}:${sig.v ?? 0}:${sig.m ?? 0}`;
    if (signature === this.signature) {
      this.checkedAt = Date.now();
      return;
    }
    const versions = await q.query<{ id: number; version: number }>('SELECT id, version FROM projects', { type: QueryTypes.SELECT });
    const live = new Set<number>();
    const stale: number[] = [];
    for (const r of versions) {
      live.add(r.id);
      if (this.projects.get(r.id)?.version !== Number(r.version)) stale.push(r.id);
    }
    for (const id of this.projects.keys()) if (!live.has(id)) this.projects.delete(id);
    if (stale.length > 2000) await this.load(null);
    else for (let i = 0; i < stale.length; i += 500) await this.load(stale.slice(i, i + 500));
    this.signature = signature;
    this.checkedAt = Date.now();
  }

  /** Load (or reload) these projects, or all of them when `ids` is null. */
  private async load(ids: number[] | null): Promise<void> {
    const q = this.db.sequelize;
    const only = (col: string) => (ids ? `${col} IN (:ids)` : '1 = 1');
    const rows = await q.query<ProjectRow>(
      `SELECT p.id, p.version, p.name, p.filed_name, p.parcel_code, p.marketing_name, p.district, p.address, p.developer_org_id, o.name AS developer_name,
              p.status, p.lng, p.lat
       FROM projects p LEFT JOIN orgs o ON o.id = p.developer_org_id WHERE ${only('p.id')}`,
      { replacements: { ids }, type: QueryTypes.SELECT },
    );
    const stats = await q.query<StatRow>(
      `SELECT project_id, \`use\`, sale_status, COUNT(*) AS n, SUM(build_area) AS area,
              MIN(filed_unit_price) AS minp, MAX(filed_unit_price) AS maxp
       FROM rooms WHERE ${only('project_id')} GROUP BY project_id, \`use\`, sale_status`,
      { replacements: { ids }, type: QueryTypes.SELECT },
    );
    const permits = await q.query<{ project_id: number; permit_no: string }>(
      `SELECT project_id, permit_no FROM presale_permits WHERE ${only('project_id')} AND status = 'valid' ORDER BY issued_on, id`,
      { replacements: { ids }, type: QueryTypes.SELECT },
    );
    const statsBy = new Map<number, StatRow[]>();
    for (const s of stats) (statsBy.get(s.project_id) ?? statsBy.set(s.project_id, []).get(s.project_id)!).push(s);
    const permitsBy = new Map<number, string[]>();
    for (const p of permits) (permitsBy.get(p.project_id) ?? permitsBy.set(p.project_id, []).get(p.project_id)!).push(p.permit_no);
    for (const r of rows) {
      const st = statsBy.get(r.id) ?? [];
      const sales = summarise(st);
      const forSale = st.filter((s) => s.sale_status === 'available');
      const prices = forSale.flatMap((s) => [s.minp, s.maxp]).filter((x): x is number | string => x != null).map(Number);
      const uses = [...new Set(st.map((s) => s.use))].sort() as RoomUse[];
      const permitNos = permitsBy.get(r.id) ?? [];
      this.projects.set(r.id, {
        id: r.id, version: Number(r.version), name: r.name, filedName: r.filed_name, parcelCode: r.parcel_code, marketingName: r.marketing_name, district: r.district,
        address: r.address, developerId: r.developer_org_id, developerName: r.developer_name, status: r.status,
        lng: r.lng == null ? null : Number(r.lng), lat: r.lat == null ? null : Number(r.lat), permitNos, uses,
        roomCount: sales.total.count, availableCount: sales.available.count,
        minUnitPrice: prices.length ? Math.min(...prices) : null, maxUnitPrice: prices.length ? Math.max(...prices) : null, sales,
        haystack: [r.name, r.filed_name, r.marketing_name, r.parcel_code, r.address, r.district, r.developer_name, ...permitNos].filter(Boolean).join('\n').toLowerCase(),
      });
    }
  }
}

function summarise(rows: StatRow[]): SalesSummary {
  const out: SalesSummary = { rows: [], total: { count: 0, area: 0 }, available: { count: 0, area: 0 }, sold: { count: 0, area: 0 } };
  for (const s of rows) {
    const count = Number(s.n);
    const area = Number(s.area ?? 0);
    out.rows.push({ use: s.use, status: s.sale_status, count, area });
    out.total.count += count;
    out.total.area += area;
    if (s.sale_status === 'available') {
      out.available.count += count;
      out.available.area += area;
    }
    if (SOLD.includes(s.sale_status)) {
      out.sold.count += count;
      out.sold.area += area;
    }
  }
  out.rows.sort((a, b) => a.use.localeCompare(b.use) || a.status.localeCompare(b.status));
  return out;
}

export function summaryOf(p: IndexedProject): PublicProjectSummary {
  return {
    id: p.id, name: p.name, marketingName: p.marketingName, district: p.district, address: p.address, developerId: p.developerId,
    developerName: p.developerName, status: p.status, lng: p.lng, lat: p.lat, uses: p.uses, roomCount: p.roomCount,
    availableCount: p.availableCount, minUnitPrice: p.minUnitPrice, maxUnitPrice: p.maxUnitPrice, permitNos: p.permitNos,
  };
}

const indexes = new WeakMap<Db, ProjectIndex>();
export function projectIndex(db: Db): ProjectIndex {
  let idx = indexes.get(db);
  if (!idx) indexes.set(db, (idx = new ProjectIndex(db)));
  return idx;
}
