// 形象进度 (RE-010): a developer reports a building's construction node with site photos. The
// node only moves forward (the same node with more floors is progress too); the report, the
// building's progress fields, the photos becoming public, the cache versions and the audit
// record are one transaction.
import { Op, type Transaction } from 'sequelize';
import {
  PROGRESS_NODES, isIsoDate, progressRank, shanghaiDate, startOfShanghaiDay,
  type ProgressNode, type ProgressReportInput, type ProgressReportView,
} from '@hq/common';
import { errors } from '../../platform/errors';
import { appendAudit, type AuditActor } from '../../platform/audit/audit';
import { assertOrgScope } from '../../platform/access/policy';
import { FileObject, User } from '../../platform/models';
import type { AuthUser } from '../../platform/http/types';
import { Building, Project, ProgressReport } from '../realestate/models';
import { touchVersions } from '../realestate/bus';

const TOPPED_OUT = progressRank('topped_out');

export async function loadBuildingInScope(user: AuthUser, buildingId: number, t?: Transaction): Promise<{ building: Building; project: Project }> {
  const building = await Building.findByPk(buildingId, { transaction: t, lock: t ? t.LOCK.UPDATE : undefined });
  if (!building) throw errors.notFound('BUILDING_NOT_FOUND', '楼栋不存在');
  const project = await Project.findByPk(building.project_id, { transaction: t });
  if (!project) throw errors.notFound('PROJECT_NOT_FOUND', '项目不存在');
  assertOrgScope(user, project.developer_org_id);
  return { building, project };
}

export async function reportProgress(t: Transaction, user: AuthUser, actor: AuditActor, buildingId: number, input: ProgressReportInput): Promise<ProgressReportView> {
  const { building, project } = await loadBuildingInScope(user, buildingId, t);
  // Only the project's own developer reports its progress, whatever else the person may see.
  if (user.orgId == null || user.orgId !== project.developer_org_id) {
    throw errors.forbidden('PROGRESS_NOT_DEVELOPER', '只有本项目的开发企业可以填报形象进度');
  }

  if (!isIsoDate(input.reportedOn)) throw errors.badRequest('PROGRESS_DATE_INVALID', `进度日期 ${input.reportedOn} 不是有效日期`);
  const today = shanghaiDate();
  if (input.reportedOn > today) throw errors.badRequest('PROGRESS_DATE_FUTURE', `进度日期不能晚于今天（${today}）`);

  const floorsTotal = Number(building.floors_total);
  const rank = progressRank(input.node);
  const floorsDone = input.floorsDone ?? null;
  if (input.node === 'structure' && floorsDone == null) {
    throw errors.badRequest('PROGRESS_FLOORS_REQUIRED', '「主体施工」须填写已完成的结构层数', [{ field: 'floorsDone', message: '请填写已完成层数' }]);
  }
  if (floorsDone != null && floorsDone > floorsTotal) {
    throw errors.badRequest('PROGRESS_FLOORS_EXCEED', `已完成层数 ${floorsDone} 超过该楼栋总层数 ${floorsTotal}`, [{ field: 'floorsDone', message: `不超过${floorsTotal}层` }]);
  }

  const current = building.progress_node as ProgressNode | null;
  if (current) {
    const currentRank = progressRank(current);
    const currentFloors = building.progress_floors == null ? null : Number(building.progress_floors);
    if (rank < currentRank) {
      throw errors.conflict('PROGRESS_BACKWARDS', `该楼栋已填报到「${PROGRESS_NODES[current]}」，不能退回到「${PROGRESS_NODES[input.node]}」`);
    }
    if (rank === currentRank && floorsDone != null && currentFloors != null && floorsDone < currentFloors) {
      throw errors.conflict('PROGRESS_BACKWARDS', `该楼栋「${PROGRESS_NODES[current]}」已完成 ${currentFloors} 层，不能改为 ${floorsDone} 层`);
    }
  }

  const ids = input.photoIds;
  if (new Set(ids).size !== ids.length) throw errors.badRequest('PROGRESS_PHOTO_DUPLICATE', '同一张照片不能重复提交');
  const files = await FileObject.findAll({ where: { id: { [Op.in]: ids } }, transaction: t, lock: t.LOCK.UPDATE });
  const byId = new Map(files.map((f) => [f.id, f]));
  for (const id of ids) {
    const f = byId.get(id);
    if (!f || f.owner_user_id !== user.id) throw errors.badRequest('PROGRESS_PHOTO_NOT_FOUND', `照片 ${id} 不存在或不是您本人上传的，请先上传现场照片`);
    if (f.kind !== 'image' || !f.public_key) throw errors.badRequest('PROGRESS_PHOTO_NOT_IMAGE', `「${f.name}」不是图片，形象进度只接受现场照片`);
  }

  const report = await ProgressReport.create(
    {
      project_id: project.id, building_id: building.id, node: input.node, floors_done: floorsDone, reported_on: input.reportedOn,
      description: input.description || null, photo_ids: ids.join(','), reported_by: user.id,
    },
    { transaction: t },
  );
  const before = { node: building.progress_node, floors: building.progress_floors, floorsBuilt: building.floors_built };
  const floorsBuilt = rank >= TOPPED_OUT ? floorsTotal
    : input.node === 'structure' ? Math.max(Number(building.floors_built), floorsDone ?? 0) : Number(building.floors_built);
  await building.update(
    {
      progress_node: input.node, progress_floors: floorsDone ?? (rank >= TOPPED_OUT ? floorsTotal : null),
      progress_at: startOfShanghaiDay(input.reportedOn), floors_built: floorsBuilt,
    },
    { transaction: t },
  );
  // The site photos are published with the report (the public rendition has no location data).
  await FileObject.update({ visibility: 'public' }, { where: { id: ids }, transaction: t });
  await touchVersions(t, [building.id], [project.id]);
  await appendAudit(t, actor, {
    action: 'building.progress', objectType: 'building', objectId: building.id,
    detail: { reportId: report.id, projectId: project.id, node: input.node, floorsDone, reportedOn: input.reportedOn, photoIds: ids, before },
  });
  return presentReport(report, building.building_no, user.displayName);
}

export function photoUrls(id: string) {
  return { id, url: `/api/public/files/${id}`, thumbnailUrl: `/api/public/files/${id}?variant=thumb` };
}

export function presentReport(r: ProgressReport, buildingNo: string, reportedBy: string | null): ProgressReportView {
  return {
    id: r.id, projectId: r.project_id, buildingId: r.building_id, buildingNo, node: r.node as ProgressNode,
    nodeLabel: PROGRESS_NODES[r.node as ProgressNode] ?? r.node, floorsDone: r.floors_done == null ? null : Number(r.floors_done),
    reportedOn: r.reported_on, description: r.description, photos: r.photo_ids ? r.photo_ids.split(',').filter(Boolean).map(photoUrls) : [],
    reportedBy, createdAt: new Date(r.created_at).toISOString(),
  };
}

/** One page of reports, newest first, with building numbers and reporters' names. */
export async function listReports(where: { building_id?: number; project_id?: number }, page: number, pageSize: number) {
  const { rows, count } = await ProgressReport.findAndCountAll({
    where, order: [['reported_on', 'DESC'], ['id', 'DESC']], limit: pageSize, offset: (page - 1) * pageSize,
  });
  const buildings = await Building.findAll({ where: { id: [...new Set(rows.map((r) => r.building_id))] }, attributes: ['id', 'building_no'] });
  const userIds = [...new Set(rows.map((r) => r.reported_by).filter((x): x is number => x != null))];
  const users = userIds.length ? await User.findAll({ where: { id: userIds }, attributes: ['id', 'display_name'] }) : [];
  const bNo = new Map(buildings.map((b) => [b.id, b.building_no]));
  const uName = new Map(users.map((u) => [u.id, u.display_name]));
  return {
    items: rows.map((r) => presentReport(r, bNo.get(r.building_id) ?? '', r.reported_by == null ? null : uName.get(r.reported_by) ?? null)),
    total: count, page, pageSize,
  };
}
