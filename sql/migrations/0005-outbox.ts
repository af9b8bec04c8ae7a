// Outbound notices to people's phones (SMS, WeChat subscribe messages) go through an outbox:
// written in the same transaction as the change that causes them, sent afterwards by a
// dispatcher that claims rows, retries with backoff and records what the provider answered.
// Recipients' phone numbers are not stored here: they are decrypted from users at send time.
import { DataTypes } from 'sequelize';
import type { MigrationContext } from '../../api/src/platform/db/migrator';

export async function up({ qi }: MigrationContext): Promise<void> {
  await qi.createTable('outbox_messages', {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },
    // One enqueue call (one notice) may make a row per channel; they share this id.
    notice_id: { type: DataTypes.STRING(36), allowNull: false },
    channel: { type: DataTypes.STRING(20), allowNull: false }, // sms | wechat_subscribe
    user_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'users', key: 'id' }, onDelete: 'CASCADE' },
    template: { type: DataTypes.STRING(64), allowNull: false }, // our template key, e.g. workflow.returned
    payload: { type: DataTypes.TEXT, allowNull: false }, // JSON: the template's data
    dedupe_key: { type: DataTypes.STRING(160), allowNull: true, unique: true }, // caller's key + ':' + channel
    status: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'pending' }, // pending|sending|sent|failed|dead
    attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    next_attempt_at: { type: DataTypes.DATE(3), allowNull: false },
    last_error: { type: DataTypes.STRING(500), allowNull: true },
    provider_message_id: { type: DataTypes.STRING(64), allowNull: true },
    claimed_by: { type: DataTypes.STRING(36), allowNull: true }, // the dispatcher run holding the row while it sends
    claimed_at: { type: DataTypes.DATE(3), allowNull: true },
    created_at: { type: DataTypes.DATE(3), allowNull: false },
    sent_at: { type: DataTypes.DATE(3), allowNull: true },
  });
  await qi.addIndex('outbox_messages', ['status', 'next_attempt_at'], { name: 'outbox_messages_due' });
  await qi.addIndex('outbox_messages', ['notice_id'], { name: 'outbox_messages_notice' });
  await qi.addIndex('outbox_messages', ['user_id', 'created_at'], { name: 'outbox_messages_user' });
  await qi.addIndex('outbox_messages', ['claimed_by'], { name: 'outbox_messages_claim' });
}

export async function down({ qi }: MigrationContext): Promise<void> {
  await qi.dropTable('outbox_messages');
}
