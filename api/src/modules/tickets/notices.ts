// Who hears about a ticket, and how: a message in the person's inbox (站内消息) and, for the
// notices that matter on a phone, an SMS and a WeChat subscribe message through the outbox —
// always inside the transaction that made the change, so a notice exists exactly when it did.
import { QueryTypes, type Transaction } from 'sequelize';
import { TICKET_KIND_LABELS, ticketCategory, type Role } from '@hq/common';
import { User } from '../../platform/models';
import { Notification } from '../../platform/workflow/models';
import { enqueueMessage } from '../../platform/notify/outbox';
import type { TicketNoticeData } from '../../platform/notify/templates';
import type { Ticket } from './models';

export type TicketTemplate = 'ticket.result' | 'ticket.assigned' | 'ticket.due_soon' | 'ticket.escalated';

/** Active users holding any of `roles`, optionally of one organisation. */
export async function usersWithRoles(t: Transaction, roles: readonly Role[], orgId?: number | null): Promise<number[]> {
  if (!roles.length || orgId === null) return [];
  const rows = await User.sequelize!.query<{ id: number }>(
    `SELECT DISTINCT u.id FROM users u JOIN user_roles r ON r.user_id = u.id
     WHERE r.role IN (:roles) AND u.status = 'active'${orgId !== undefined ? ' AND u.org_id = :orgId' : ''} ORDER BY u.id`,
    { replacements: { roles: [...roles], orgId: orgId ?? null }, type: QueryTypes.SELECT, transaction: t },
  );
  return rows.map((r) => Number(r.id));
}

export const ticketLink = (id: number) => `/property/tickets/${id}`;

export function noticeData(ticket: Ticket, extra: Partial<TicketNoticeData> = {}): TicketNoticeData {
  return {
    business: TICKET_KIND_LABELS[ticket.kind], ticketNo: ticket.ticket_no ?? String(ticket.id),
    category: ticketCategory(ticket.kind, ticket.category)?.label ?? null, dueDate: ticket.due_date, ...extra,
  };
}

/**
 * Tell people about a ticket: an inbox message each, and with `phone` the template through the
 * outbox (SMS and WeChat subscribe as each person can be reached), once per `dedupeKey`.
 */
export async function tell(
  t: Transaction, userIds: readonly (number | null | undefined)[], ticket: Ticket,
  inbox: { kind: string; title: string; body?: string | null },
  phone?: { template: TicketTemplate; data: TicketNoticeData; dedupeKey: string; page?: string },
): Promise<number[]> {
  const ids = [...new Set(userIds.filter((x): x is number => x != null))];
  if (!ids.length) return [];
  await Notification.bulkCreate(ids.map((id) => ({
    user_id: id, role: null, org_id: null, kind: inbox.kind, title: inbox.title, body: inbox.body ?? null, link: ticketLink(ticket.id),
  })), { transaction: t });
  if (phone) {
    for (const id of ids) {
      await enqueueMessage(t, {
        userId: id, template: phone.template, data: { ...phone.data, ...(phone.page ? { page: phone.page } : {}) }, dedupeKey: `${phone.dedupeKey}:u${id}`,
      });
    }
  }
  return ids;
}
