// Notifications to people's phones (SMS, WeChat subscribe messages) through the outbox, as other
// modules use them: enqueue inside your transaction; the dispatcher sends.
export { enqueueMessage, type EnqueueMessage, type QueuedMessage } from './outbox';
export { dispatchOnce, startDispatcher, type DispatchResult } from './dispatcher';
export { initOutboxModels, OutboxMessage } from './models';
export { outboxRoutes } from './routes';
export { TEMPLATE_KEYS, type TemplateKey, type TemplateData, type WorkflowNoticeData, type TicketNoticeData } from './templates';
