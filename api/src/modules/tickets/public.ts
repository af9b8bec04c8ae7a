// Patrol results on public pages (PM-029): resolved patrol issues of a community with what was
// found and done — no personal data (no reporter, no house, free text scrubbed of phone and ID
// numbers, no locations) and photos only as mosaics (faces and number plates not identifiable).
import { Op, type WhereOptions } from 'sequelize';
import { TICKET_STATUS_LABELS, scrubPublicText, shanghaiDate, ticketCategory, type z, type publicPatrolQuery, type publicPatrolResult } from '@hq/common';
import { Community } from '../property/models';
import { Ticket, TicketPhoto } from './models';

const SUMMARY_CHARS = 200;
const PHOTOS_PER_RESULT = 4;

/**
 * Published: patrol issues whose work was resolved (not those found not responsible or
 * duplicates), including ones closed afterwards.
 */
export function publishedPatrolIssues(): WhereOptions<Ticket> {
  return {
    kind: 'patrol',
    status: ['resolved', 'closed'],
    duplicate_of: { [Op.is]: null },
    [Op.and]: [Ticket.sequelize!.literal("EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = `Ticket`.`id` AND e.action = 'resolve')")],
  };
}

const cut = (s: string, n: number) => ([...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s);

export async function publicPatrolResults(q: z.infer<typeof publicPatrolQuery>): Promise<{ items: z.infer<typeof publicPatrolResult>[]; total: number }> {
  const where: WhereOptions<Ticket> = { ...publishedPatrolIssues(), ...(q.communityId ? { community_id: q.communityId } : {}) };
  const { rows, count } = await Ticket.findAndCountAll({
    where, attributes: ['id', 'ticket_no', 'kind', 'category', 'status', 'community_id', 'description', 'result', 'report_date', 'done_at', 'on_time'],
    order: [['done_at', 'DESC'], ['id', 'DESC']], limit: q.pageSize, offset: (q.page - 1) * q.pageSize,
  });
  const ids = rows.map((r) => r.id);
  const communityIds = [...new Set(rows.map((r) => r.community_id).filter((x): x is number => x != null))];
  const [photos, communities] = await Promise.all([
    ids.length ? TicketPhoto.findAll({ where: { ticket_id: ids, stage: ['report', 'after'] }, attributes: ['id', 'ticket_id', 'stage'], order: [['id', 'ASC']] }) : [],
    communityIds.length ? Community.findAll({ where: { id: communityIds }, attributes: ['id', 'name'] }) : [],
  ]);
  const names = new Map(communities.map((c) => [c.id, c.name]));
  return {
    total: count,
    items: rows.map((r) => ({
      ticketNo: r.ticket_no ?? '',
      communityName: r.community_id != null ? names.get(r.community_id) ?? null : null,
      categoryLabel: ticketCategory('patrol', r.category)?.label ?? r.category,
      statusLabel: TICKET_STATUS_LABELS[r.status],
      summary: cut(scrubPublicText(r.description), SUMMARY_CHARS),
      result: r.result ? cut(scrubPublicText(r.result), SUMMARY_CHARS) : null,
      reportedOn: r.report_date,
      doneOn: r.done_at ? shanghaiDate(r.done_at) : null,
      onTime: r.on_time ?? null,
      photoUrls: photos.filter((p) => p.ticket_id === r.id).slice(0, PHOTOS_PER_RESULT).map((p) => `/api/public/files/patrol-photos/${p.id}`),
    })),
  };
}

/** A photo of a published patrol issue, or null. */
export async function publishedPhoto(id: number): Promise<TicketPhoto | null> {
  const photo = await TicketPhoto.findByPk(id);
  if (!photo || !['report', 'after'].includes(photo.stage)) return null;
  const published = await Ticket.count({ where: { ...publishedPatrolIssues(), id: photo.ticket_id } });
  return published ? photo : null;
}
