// An owner's own houses. Nobody else's house is ever returned to them.
import { z } from '@hq/common';
import { route } from '../../platform/http/route';
import { errors } from '../../platform/errors';
import { Project, Room } from '../realestate/models';
import { HouseOwner } from './models';

const house = z.object({
  roomId: z.number().int(), unitNumber: z.string(), projectName: z.string(), roomNo: z.string(), floor: z.number().int(),
  buildArea: z.number(), relation: z.enum(['owner', 'tenant', 'family']), verified: z.boolean(),
});

async function present(h: HouseOwner) {
  const room = (await Room.findByPk(h.room_id))!;
  const project = await Project.findByPk(room.project_id, { attributes: ['name'] });
  return {
    roomId: room.id, unitNumber: room.unit_number, projectName: project?.name ?? '', roomNo: room.room_no, floor: room.floor,
    buildArea: room.build_area / 100, relation: h.relation, verified: !!h.verified_at,
  };
}

export const propertyRoutes = [
  route({
    method: 'get', path: '/api/my/houses', summary: '我的房屋（业主、家庭成员、租户）', tags: ['property'],
    requirements: ['PM-099', 'PM-150'], access: 'user', response: z.array(house),
    handler: async (ctx) => {
      const rows = await HouseOwner.findAll({ where: { user_id: ctx.state.user!.id }, order: [['id', 'ASC']] });
      return Promise.all(rows.map(present));
    },
  }),
  route({
    method: 'get', path: '/api/my/houses/:roomId', summary: '我的房屋详情（仅限本人名下）', tags: ['property'],
    requirements: ['PM-099', 'PM-150'], access: 'user', params: z.object({ roomId: z.coerce.number().int().positive('房屋编号必须为正整数') }),
    response: house,
    handler: async (ctx, { params }) => {
      const h = await HouseOwner.findOne({ where: { user_id: ctx.state.user!.id, room_id: params.roomId } });
      if (!h) throw errors.forbidden('DATA_SCOPE_DENIED', '该房屋不在您名下，无权查看');
      return present(h);
    },
  }),
];
