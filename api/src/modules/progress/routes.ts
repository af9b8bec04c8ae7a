// 形象进度 (RE-010): developers report construction progress of their own buildings with
// photos; regulators read every project's history.
import { idParam, progressListQuery, progressPage, progressReportInput, progressReportView, REGULATOR_ROLES, type Role } from '@hq/common';
import { route } from '../../platform/http/route';
import { errors } from '../../platform/errors';
import { actorOf } from '../../platform/http/actor';
import { assertOrgScope } from '../../platform/access/policy';
import { Project } from '../realestate/models';
import { listReports, loadBuildingInScope, reportProgress } from './service';

const READERS: readonly Role[] = ['developer_staff', ...REGULATOR_ROLES];

export const progressRoutes = [
  route({
    method: 'post', path: '/api/buildings/:id/progress', summary: '填报楼栋形象进度（开发企业；节点只能前进，附1–9张现场照片，照片随之公开）',
    tags: ['progress'], requirements: ['RE-010'], access: ['developer_staff'], params: idParam, body: progressReportInput,
    response: progressReportView, status: 201,
    handler: (ctx, { params, body }) => ctx.deps.db.tx((t) => reportProgress(t, ctx.state.user!, actorOf(ctx), params.id, body)),
  }),
  route({
    method: 'get', path: '/api/buildings/:id/progress', summary: '楼栋形象进度记录（含照片）', tags: ['progress'], requirements: ['RE-010'],
    access: READERS, params: idParam, query: progressListQuery, response: progressPage,
    handler: async (ctx, { params, query }) => {
      const { building } = await loadBuildingInScope(ctx.state.user!, params.id);
      return listReports({ building_id: building.id }, query.page, query.pageSize);
    },
  }),
  route({
    method: 'get', path: '/api/projects/:id/progress', summary: '项目各楼栋的形象进度记录（含照片）', tags: ['progress'], requirements: ['RE-010'],
    access: READERS, params: idParam, query: progressListQuery, response: progressPage,
    handler: async (ctx, { params, query }) => {
      const project = await Project.findByPk(params.id);
      if (!project) throw errors.notFound('PROJECT_NOT_FOUND', '项目不存在');
      assertOrgScope(ctx.state.user!, project.developer_org_id);
      return listReports({ project_id: project.id }, query.page, query.pageSize);
    },
  }),
];
