// 商品房预售许可 as a business type of the engine: the applicant is the project's developer; the
// conditions of 广东省商品房预售管理条例 art. 6 (DOMAIN.md §2) are checked at submission; three
// review steps; final approval assigns the permit number, records the permit, makes the rooms in
// scope 可售 on the building table, and publishes it (the public index reads presale_permits).
import { Op, type Transaction } from 'sequelize';
import { presalePermitForm, PRESALE_ATTACHMENTS, DEFAULT_REVIEW_STEPS, PROGRESS_NODES, type PresalePermitForm, type ProgressNode } from '@hq/common';
import { errors } from '../../platform/errors';
import { Org } from '../../platform/models';
import { registerBusinessType } from '../../platform/workflow/engine';
import { Building, PresalePermit, Project, Room } from '../realestate/models';
import { changeRooms, touchVersions } from '../realestate/bus';
import { assignPermitNumber } from './numbers';

const NODE_ORDER = Object.keys(PROGRESS_NODES) as ProgressNode[];
const atLeast = (node: string | null, min: ProgressNode) => node != null && NODE_ORDER.indexOf(node as ProgressNode) >= NODE_ORDER.indexOf(min);

export function shanghaiToday(now = new Date()): string {
  return now.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** The construction progress art. 6 requires, or null when met (DOMAIN.md §2). */
export function progressShortfall(b: Pick<Building, 'building_no' | 'floors_total' | 'floors_underground' | 'progress_node' | 'progress_floors' | 'floors_built'>): string | null {
  const built = Math.max(b.floors_built ?? 0, b.progress_floors ?? 0);
  if (b.floors_total <= 3) {
    return atLeast(b.progress_node, 'topped_out') ? null : `${b.building_no}：3层以下的建筑须主体结构封顶（当前：${PROGRESS_NODES[b.progress_node as ProgressNode] ?? '未填报'}）`;
  }
  if (atLeast(b.progress_node, 'topped_out')) return null;
  if (b.floors_underground > 0) {
    return atLeast(b.progress_node, 'structure') && built >= 1 ? null : `${b.building_no}：有地下室的建筑须完成基础和首层结构（当前已建${built}层）`;
  }
  return atLeast(b.progress_node, 'structure') && built >= 4 ? null : `${b.building_no}：无地下室的建筑须完成基础和四层结构（当前已建${built}层）`;
}

/** The rooms chosen, or by default every not-yet-sellable room of the chosen buildings that is not seized (查封). */
async function roomsInScope(t: Transaction, form: PresalePermitForm): Promise<Room[]> {
  const attributes = ['id', 'building_id', 'project_id', 'room_no', 'unit_number', 'sale_status', 'flags', 'build_area'];
  if (form.roomIds.length) return Room.findAll({ where: { id: form.roomIds }, attributes, transaction: t });
  const rooms = await Room.findAll({ where: { building_id: form.buildingIds, sale_status: 'unsellable' }, attributes, transaction: t });
  return rooms.filter((r) => !(r.flags ?? '').split(',').includes('seized'));
}

registerBusinessType<PresalePermitForm>({
  key: 'presale_permit',
  label: '商品房预售许可',
  prefix: 'YS',
  applicantRoles: ['developer_staff'],
  steps: DEFAULT_REVIEW_STEPS,
  form: presalePermitForm,
  attachments: PRESALE_ATTACHMENTS,
  projectOf: (form) => (typeof form.projectId === 'number' ? form.projectId : null),
  title: async (form, t) => {
    const p = typeof form.projectId === 'number' ? await Project.findByPk(form.projectId, { attributes: ['name'], transaction: t }) : null;
    return p ? `${p.name} 商品房预售许可申请` : '商品房预售许可申请（未选择项目）';
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
    const foreign = form.buildingIds.filter((id) => !buildings.some((b) => b.id === id && b.project_id === project.id));
    if (foreign.length) out.push(`预售范围中有 ${foreign.length} 栋楼不属于本项目`);
    if (form.conditions.qualificationValidUntil < shanghaiToday()) out.push(`开发企业资质已过期（有效期至 ${form.conditions.qualificationValidUntil}）`);
    if (!form.conditions.landPremiumPaid) out.push('土地使用权出让金未缴清');
    if (form.schedule.deliveryDate <= form.schedule.startDate) out.push('交付日期应晚于开工日期');
    const bank = await Org.findByPk(form.supervisedAccount.bankOrgId, { transaction: t });
    if (!bank || bank.kind !== 'bank') out.push('监管银行不存在，请从监管银行名单中选择');
    for (const b of buildings) {
      const s = progressShortfall(b);
      if (s) out.push(`工程进度未达到预售条件：${s}`);
    }
    const rooms = await roomsInScope(t, form);
    if (!rooms.length) out.push('预售范围内没有可申请预售的房屋（测绘数据未导入，或房屋已取得预售许可）');
    const outside = rooms.filter((r) => !form.buildingIds.includes(r.building_id));
    if (outside.length) out.push(`有 ${outside.length} 套所选房屋不在所选楼栋内`);
    const notNew = rooms.filter((r) => r.sale_status !== 'unsellable');
    if (notNew.length) out.push(`有 ${notNew.length} 套房屋已取得预售许可或已售（如 ${notNew.slice(0, 3).map((r) => r.room_no).join('、')}）`);
    const seized = rooms.filter((r) => (r.flags ?? '').includes('seized'));
    if (seized.length) out.push(`有 ${seized.length} 套房屋被查封，不能预售（如 ${seized.slice(0, 3).map((r) => r.room_no).join('、')}）`);
    return out;
  },
  onApprove: async (t, app, form, actor) => {
    const rooms = await roomsInScope(t, form);
    const { permitNo, authority, year, seq } = await assignPermitNumber(t, 'presale', app.id);
    const permit = await PresalePermit.create({
      project_id: form.projectId, permit_no: permitNo, authority, year, seq, kind: 'presale', building_ids: form.buildingIds.join(','),
      room_count: rooms.length, area: rooms.reduce((a, r) => a + r.build_area, 0), issued_on: shanghaiToday(), application_id: app.id,
      bank_org_id: form.supervisedAccount.bankOrgId, account_no: form.supervisedAccount.accountNo, valid_until: form.validUntil ?? null,
    }, { transaction: t });
    await changeRooms(t, actor, rooms.map((r) => r.id), { kind: 'status', value: 'available' }, 'presale_permit', permitNo, '取得商品房预售许可');
    await Project.update({ status: 'selling' }, { where: { id: form.projectId, status: { [Op.in]: ['planning'] } }, transaction: t });
    await touchVersions(t, form.buildingIds, [form.projectId]);
    return { resultType: 'presale_permit', resultId: permit.id };
  },
});
