// 导出Excel of the directory: every page of the current query (the API pages at most 200 rows at a
// time), written in the browser because the API has no export endpoint for enterprises.
import { formatShanghai, shanghaiDate } from '@hq/common';
import { enterprisesApi, type EnterpriseFilters, type EnterpriseSummary } from './api';
import { sourceLabel } from './dictionary';
import { saveBlob, xlsxBlob } from './xlsx';

const PAGE = 200;
/** A directory this big is a query to narrow, not a file to mail around. */
export const EXPORT_MAX_ROWS = 20_000;

export async function exportEnterprises(filters: EnterpriseFilters): Promise<number> {
  const rows: EnterpriseSummary[] = [];
  for (let page = 1; ; page++) {
    const got = await enterprisesApi.list({ ...filters, page, pageSize: PAGE });
    rows.push(...got.items);
    if (got.items.length < PAGE || rows.length >= got.total || rows.length >= EXPORT_MAX_ROWS) break;
  }
  const blob = xlsxBlob(
    '企业名录',
    [
      { header: '企业名称', width: 36 }, { header: '企业类别', width: 16 }, { header: '统一社会信用代码', width: 22 }, { header: '法定代表人', width: 12 },
      { header: '注册地址', width: 36 }, { header: '登记状态', width: 10 }, { header: '注册/备案时间', width: 14 }, { header: '入库来源', width: 14 },
      { header: '信用分', width: 8 }, { header: '信用等级', width: 14 },
    ],
    rows.map((e) => [
      e.name, e.kindLabel, e.uscc, e.legalRep, e.address, e.statusLabel, e.registeredAt ? formatShanghai(e.registeredAt, false).slice(0, 10) : null,
      sourceLabel(e.source), e.credit.score, e.credit.blacklisted ? e.credit.gradeLabel : `${e.credit.grade} ${e.credit.gradeLabel}`.trim(),
    ]),
  );
  saveBlob(blob, `企业名录-${shanghaiDate().replaceAll('-', '')}.xlsx`);
  return rows.length;
}
