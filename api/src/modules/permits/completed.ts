// 现房销售备案 (RE-197…RE-204) as a business type of the same engine: completed buildings
// (竣工验收备案 done) are filed for sale; final approval assigns the filing number, records it
// with the permits (kind "completed") and makes the rooms in scope 可售.
import type { Transaction } from 'sequelize';
import { completedFilingForm, COMPLETED_ATTACHMENTS, DEFAULT_REVIEW_STEPS, PROGRESS_NODES, type CompletedFilingForm, type ProgressNode } from '@hq/common';
import { errors } from '../../platform/errors';
import { registerBusinessType } from '../../platform/workflow/engine';
import { Building, PresalePermit, Project, Room } from '../realestate/models';
import { changeRooms, touchVersions } from '../realestate/bus';
import { assignPermitNumber } from './numbers';
import { shanghaiToday } from './presale';

const NODE_ORDER = Object.keys(PROGRESS_NODES) as ProgressNode[];

/** The rooms chosen, or by default every not-yet-sellable room of the chosen buildings that is not seized (查封). */
async function roomsInScope(t: Transaction, form: CompletedFilingForm): Promise<Room[]> {
  const attributes = ['id', 'building_id', 'project_id', 'room_no', 'unit_number', 'sale_status', 'flags', 'build_area'];
  if (form.roomIds.length) return Room.findAll({ where: { id: form.roomIds }, attributes, transaction: t });
  const rooms = await Room.findAll({ where: { building_id: form.buildingIds, sale_status: 'unsellable' }, attributes, transaction: t });
  return rooms.filter((r) => !(r.flags ?? '').split(',').includes('seized'));
}

registerBusinessType<CompletedFilingForm>({
  key: 'completed_filing',
  label: '现房销售备案',
  prefix: 'XS',
  applicantRoles: ['developer_staff'],
  steps: DEFAULT_REVIEW_STEPS,
  form: completedFilingForm,
  attachments: COMPLETED_ATTACHMENTS,
  projectOf: (form) => (typeof form.projectId === 'number' ? form.projectId : null),
  title: async (form, t) => {
    const p = typeof form.projectId === 'number' ? await Project.findByPk(form.projectId, { attributes: ['name'], transaction: t }) : null;
    return p ? `${p.name} 现房销售备案申请` : '现房销售备案申请（未选择项目）';
  },
  authoriseProject: async (t, projectId, user) => {
    const p = await Project.findByPk(projectId, { attributes: ['id', 'developer_org_id'], transaction: t });
    if (!p || p.developer_org_id !== user.orgId) throw errors.validation([{ field: 'projectId', message: '项目不存在或不属于本企业' }]);
  },
  missing: async (t, form, app) => {
    const out: string[] = [];
    const project = await Project.findByPk(form.projectId, { transaction: t });
    if (!project || project.developer_org_id !== app.org_id) return ['项目不存在或不属于本企业'];
    const buildings = await Building.findAll({ where: { id: form.buildingIds }, transaction: t });
    if (buildings.length !== form.buildingIds.length || buildings.some((b) => b.project_id !== project.id)) out.push('现售范围中有楼栋不属于本项目');
    for (const b of buildings) {
      if (NODE_ORDER.indexOf((b.progress_node ?? 'not_started') as ProgressNode) < NODE_ORDER.indexOf('completion_filed')) {
        out.push(`${b.building_no}：尚未完成竣工验收备案，不能现售`);
      }
    }
    if (form.conditions.qualificationValidUntil < shanghaiToday()) out.push(`开发企业资质已过期（有效期至 ${form.conditions.qualificationValidUntil}）`);
    if (!form.conditions.propertyManagementArranged) out.push('尚未落实物业管理');
    if (!form.conditions.utilitiesReady) out.push('水电燃气等配套设施尚不具备交付使用条件');
    if (form.completionDate > shanghaiToday()) out.push('竣工验收日期不能晚于今天');
    const rooms = await roomsInScope(t, form);
    if (!rooms.length) out.push('现售范围内没有可备案的房屋（测绘数据未导入，或房屋已可售）');
    const notNew = rooms.filter((r) => r.sale_status !== 'unsellable');
    if (notNew.length) out.push(`有 ${notNew.length} 套房屋已取得预售许可、现售备案或已售`);
    const seized = rooms.filter((r) => (r.flags ?? '').includes('seized'));
    if (seized.length) out.push(`有 ${seized.length} 套房屋被查封，不能销售`);
    return out;
  },
  onApprove: async (t, app, form, actor) => {
    const rooms = await roomsInScope(t, form);
    const { permitNo, authority, year, seq } = await assignPermitNumber(t, 'completed', app.id);
    const filing = await PresalePermit.create({
      project_id: form.projectId, permit_no: permitNo, authority, year, seq, kind: 'completed', building_ids: form.buildingIds.join(','),
      room_count: rooms.length, area: rooms.reduce((a, r) => a + r.build_area, 0), issued_on: shanghaiToday(), application_id: app.id,
    }, { transaction: t });
    await changeRooms(t, actor, rooms.map((r) => r.id), { kind: 'status', value: 'available' }, 'presale_permit', permitNo, '现房销售备案');
    await touchVersions(t, form.buildingIds, [form.projectId]);
    return { resultType: 'completed_filing', resultId: filing.id };
  },
});
