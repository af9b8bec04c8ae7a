// The notification outbox (sql/migrations/0005-outbox.ts).
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

export const OUTBOX_CHANNELS = ['wechat_subscribe', 'sms'] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];

/** `sending` is a dispatcher's claim; `failed` ran out of retries; `dead` will never succeed. */
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'dead'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export class OutboxMessage extends Model<InferAttributes<OutboxMessage>, InferCreationAttributes<OutboxMessage>> {
  declare id: CreationOptional<number>;
  declare notice_id: string;
  declare channel: OutboxChannel;
  declare user_id: number;
  declare template: string;
  declare payload: string;
  declare dedupe_key: CreationOptional<string | null>;
  declare status: CreationOptional<OutboxStatus>;
  declare attempts: CreationOptional<number>;
  declare next_attempt_at: Date;
  declare last_error: CreationOptional<string | null>;
  declare provider_message_id: CreationOptional<string | null>;
  declare claimed_by: CreationOptional<string | null>;
  declare claimed_at: CreationOptional<Date | null>;
  declare created_at: CreationOptional<Date>;
  declare sent_at: CreationOptional<Date | null>;
}

export function initOutboxModels(sequelize: Sequelize): void {
  OutboxMessage.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      notice_id: { type: DataTypes.STRING(36), allowNull: false },
      channel: { type: DataTypes.STRING(20), allowNull: false, validate: { isIn: [OUTBOX_CHANNELS as unknown as string[]] } },
      user_id: { type: DataTypes.INTEGER, allowNull: false },
      template: { type: DataTypes.STRING(64), allowNull: false },
      payload: { type: DataTypes.TEXT, allowNull: false },
      dedupe_key: { type: DataTypes.STRING(160), allowNull: true },
      status: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'pending', validate: { isIn: [OUTBOX_STATUSES as unknown as string[]] } },
      attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      next_attempt_at: { type: DataTypes.DATE(3), allowNull: false },
      last_error: { type: DataTypes.STRING(500), allowNull: true },
      provider_message_id: { type: DataTypes.STRING(64), allowNull: true },
      claimed_by: { type: DataTypes.STRING(36), allowNull: true },
      claimed_at: { type: DataTypes.DATE(3), allowNull: true },
      created_at: { type: DataTypes.DATE(3), allowNull: false, defaultValue: DataTypes.NOW },
      sent_at: { type: DataTypes.DATE(3), allowNull: true },
    },
    { sequelize, tableName: 'outbox_messages' },
  );
}
