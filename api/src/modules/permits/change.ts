// 预售许可变更 through the same engine: add or withdraw unsold rooms, change the supervised
// account and bank, or the validity period. On approval the permit keeps its number; its facts
// change, the rooms move on the building table, and the verification page says when it changed.
import { QueryTypes, type Transaction } from 'sequelize';
import { presalePermitChangeForm, PRESALE_CHANGE_ATTACHMENTS, DEFAULT_REVIEW_STEPS, type PresalePermitChangeForm } from '@hq/common';
import { errors } from '../../platform/errors';
import { Org } from '../../platform/models';
import { registerBusinessType } from '../../platform/workflow/engine';
import { PresalePermit, Project, Room } from '../realestate/models';
import { changeRooms, touchVersions } from '../realestate/bus';

async function permitOf(t: Transaction, id: unknown): Promise<{ permit: PresalePermit; project: Project } | null> {
  if (typeof id !== 'number') return null;
  const permit = await PresalePermit.findByPk(id, { transaction: t });
  const project = permit ? await Project.findByPk(permit.project_id, { transaction: t }) : null;
  return permit && project ? { permit, project } : null;
}

/** Rooms this permit made 可售 that are still unsold. */
async function unsoldOfPermit(t: Transaction, permitNo: string): Promise<Set<number>> {
  const rows = await Room.sequelize!.query<{ id: number }>(
    "SELECT r.id FROM rooms r JOIN room_events e ON e.room_id = r.id AND e.reference = :no AND e.kind = 'status' AND e.value = 'available' WHERE r.sale_status = 'available'",
    { replacements: { no: permitNo }, type: QueryTypes.SELECT, transaction: t },
  );
  return new Set(rows.map((r) => r.id));
}

registerBusinessType<PresalePermitChangeForm>({
  key: 'presale_permit_change',
  label: '商品房预售许可变更',
  prefix: 'YB',
  applicantRoles: ['developer_staff'],
  steps: DEFAULT_REVIEW_STEPS,
  form: presalePermitChangeForm,
  attachments: PRESALE_CHANGE_ATTACHMENTS,
  projectOf: () => null,
  title: async (form, t) => {
    const p = await permitOf(t, form.permitId);
    return p ? `${p.permit.permit_no} 变更申请` : '预售许可变更申请（未选择许可证）';
  },
  missing: async (t, form, app) => {
    const p = await permitOf(t, form.permitId);
    if (!p || p.project.developer_org_id !== app.org_id) return ['预售许可证不存在或不属于本企业'];
    const out: string[] = [];
    if (p.permit.status !== 'valid') out.push('该预售许可证已注销或已变更，不能再变更');
    if (p.permit.kind !== 'presale') out.push('现售备案不适用预售许可变更');
    if (form.addRoomIds.length) {
      const rooms = await Room.findAll({ where: { id: form.addRoomIds }, transaction: t });
      if (rooms.length !== form.addRoomIds.length || rooms.some((r) => r.project_id !== p.project.id)) out.push('增加的房屋中有不属于本项目的房屋');
      const notNew = rooms.filter((r) => r.sale_status !== 'unsellable');
      if (notNew.length) out.push(`增加的房屋中有 ${notNew.length} 套已取得预售许可或已售`);
      if (rooms.some((r) => r.flags.includes('seized'))) out.push('增加的房屋中有被查封的房屋');
    }
    if (form.removeRoomIds.length) {
      const unsold = await unsoldOfPermit(t, p.permit.permit_no);
      const bad = form.removeRoomIds.filter((id) => !unsold.has(id));
      if (bad.length) out.push(`撤出的房屋中有 ${bad.length} 套不在本许可范围内或已售，不能撤出`);
    }
    if (form.supervisedAccount) {
      const bank = await Org.findByPk(form.supervisedAccount.bankOrgId, { transaction: t });
      if (!bank || bank.kind !== 'bank') out.push('监管银行不存在，请从监管银行名单中选择');
    }
    if (form.validUntil && form.validUntil <= p.permit.issued_on) out.push('有效期应晚于发证日期');
    return out;
  },
  onApprove: async (t, app, form, actor) => {
    const p = await permitOf(t, form.permitId);
    if (!p) throw errors.notFound('PERMIT_NOT_FOUND', '预售许可证不存在');
    const permit = await PresalePermit.findByPk(p.permit.id, { transaction: t, lock: t.LOCK.UPDATE });
    if (!permit || permit.status !== 'valid') throw errors.conflict('PERMIT_NOT_VALID', '该预售许可证已注销或已变更');
    const reason = `预售许可变更（${app.app_no ?? app.id}）`;
    await changeRooms(t, actor, form.addRoomIds, { kind: 'status', value: 'available' }, 'presale_permit', permit.permit_no, `${reason}：增加`);
    await changeRooms(t, actor, form.removeRoomIds, { kind: 'status', value: 'unsellable' }, 'presale_permit', permit.permit_no, `${reason}：撤出`);
    const added = form.addRoomIds.length ? await Room.findAll({ where: { id: form.addRoomIds }, attributes: ['building_id', 'build_area'], transaction: t }) : [];
    const removed = form.removeRoomIds.length ? await Room.findAll({ where: { id: form.removeRoomIds }, attributes: ['building_id', 'build_area'], transaction: t }) : [];
    const buildings = new Set([...permit.building_ids.split(',').map(Number), ...added.map((r) => r.building_id)]);
    await permit.update({
      building_ids: [...buildings].join(','),
      room_count: permit.room_count + added.length - removed.length,
      area: Number(permit.area) + added.reduce((a, r) => a + r.build_area, 0) - removed.reduce((a, r) => a + r.build_area, 0),
      ...(form.supervisedAccount ? { bank_org_id: form.supervisedAccount.bankOrgId, account_no: form.supervisedAccount.accountNo } : {}),
      ...(form.validUntil ? { valid_until: form.validUntil } : {}),
      changed_at: new Date(),
    }, { transaction: t });
    await touchVersions(t, [...buildings], [permit.project_id]);
    return { resultType: 'presale_permit', resultId: permit.id };
  },
});
