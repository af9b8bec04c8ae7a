// Community notices (小区公告, PM-083/134) for the people who live there: the published notices of
// the communities of their houses (owners, family members, tenants while their term runs).
import { Op } from 'sequelize';
import { shanghaiDate, type CommunityNotice } from '@hq/common';
import { Org, User } from '../../platform/models';
import { Room } from '../realestate/models';
import { Content } from '../content/models';
import { visibleAt } from '../content/service';
import { Community, HouseOwner } from './models';
import { isActiveBinding } from './houses';

export async function myNotices(userId: number, q: { page: number; pageSize: number }, now = new Date()) {
  const empty = { items: [] as CommunityNotice[], total: 0, page: q.page, pageSize: q.pageSize };
  const today = shanghaiDate(now);
  const bindings = (await HouseOwner.findAll({ where: { user_id: userId }, attributes: ['room_id', 'relation', 'verified_at', 'valid_until'] }))
    .filter((h) => isActiveBinding(h, today) && (h.relation !== 'owner' || h.verified_at != null));
  if (!bindings.length) return empty;
  const rooms = await Room.findAll({ where: { id: bindings.map((h) => h.room_id) }, attributes: ['project_id'] });
  const communities = await Community.findAll({ where: { project_id: [...new Set(rooms.map((r) => r.project_id))] }, attributes: ['id', 'name', 'property_org_id'] });
  if (!communities.length) return empty;
  const { rows, count } = await Content.findAndCountAll({
    where: { [Op.and]: [visibleAt(now), { channel: 'notice', community_id: communities.map((c) => c.id) }] },
    order: [['publish_at', 'DESC'], ['id', 'DESC']], limit: q.pageSize, offset: (q.page - 1) * q.pageSize,
  });
  // The company that published it, if one of its people did.
  const authors = [...new Set(rows.map((c) => c.created_by).filter((x): x is number => x != null))];
  const authorOrg = new Map((authors.length ? await User.findAll({ where: { id: authors }, attributes: ['id', 'org_id'] }) : []).map((u) => [u.id, u.org_id]));
  const orgIds = [...new Set([...authorOrg.values()].filter((x): x is number => x != null))];
  const orgName = new Map((orgIds.length ? await Org.findAll({ where: { id: orgIds }, attributes: ['id', 'name'] }) : []).map((o) => [o.id, o.name]));
  const community = new Map(communities.map((c) => [c.id, c]));
  const items: CommunityNotice[] = rows.map((c) => {
    const org = c.created_by != null ? authorOrg.get(c.created_by) : null;
    return {
      id: c.id, title: c.title, summary: c.summary ?? null, body: c.body, communityId: c.community_id!, communityName: community.get(c.community_id!)?.name ?? '',
      issuer: c.issuer ?? null, orgName: org != null ? orgName.get(org) ?? null : null,
      publishedAt: new Date(c.published_at ?? c.publish_at!).toISOString(),
    };
  });
  return { items, total: count, page: q.page, pageSize: q.pageSize };
}
