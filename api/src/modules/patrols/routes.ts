// The property companies' patrol tasks (巡查任务, PM-029/030/079/130): planned per community with a
// due date, completed on site with camera photos; overdue ones show on the regulator's monitor.
import {
  idParam, pageOf, REGULATOR_ROLES, patrolTaskComplete, patrolTaskCreate, patrolTaskQuery, patrolTaskView, type Role,
} from '@hq/common';
import { route, type RouteDef } from '../../platform/http/route';
import { actorOf } from '../../platform/http/actor';
import { PROPERTY_ROLES } from '../property/policy';
import { completeTask, createTask, getTask, listTasks } from './service';

const tags = ['property', 'patrols'];
const requirements = ['PM-029', 'PM-030', 'PM-079', 'PM-130'];
const PLANNERS: readonly Role[] = [...REGULATOR_ROLES, ...PROPERTY_ROLES];
const READERS: readonly Role[] = [...PLANNERS, 'street_officer'];

export const patrolRoutes: RouteDef[] = [
  route({
    method: 'get', path: '/api/patrol-tasks', summary: '巡查任务（物业服务企业本企业的；监管部门全部；街道/社区所辖小区的；可筛选逾期）', tags, requirements,
    access: READERS, query: patrolTaskQuery, response: pageOf(patrolTaskView),
    handler: (ctx, { query }) => listTasks(ctx.state.user!, query),
  }),
  route({
    method: 'post', path: '/api/patrol-tasks', summary: '安排巡查任务（小区、检查项、完成期限、巡查人员）', tags, requirements,
    access: PLANNERS, body: patrolTaskCreate, response: patrolTaskView, status: 201,
    handler: (ctx, { body }) => createTask(ctx.deps, actorOf(ctx), ctx.state.user!, body),
  }),
  route({
    method: 'get', path: '/api/patrol-tasks/:id', summary: '巡查任务详情（含发现问题数与未办结数）', tags, requirements,
    access: READERS, params: idParam, response: patrolTaskView,
    handler: (ctx, { params }) => getTask(ctx.state.user!, params.id),
  }),
  route({
    method: 'post', path: '/api/patrol-tasks/:id/complete', summary: '完成巡查任务（现场情况与相机拍摄的现场照片）', tags, requirements,
    access: PROPERTY_ROLES, params: idParam, body: patrolTaskComplete, response: patrolTaskView,
    handler: (ctx, { params, body }) => completeTask(ctx.deps, actorOf(ctx), ctx.state.user!, params.id, body),
  }),
];
