// The application/review engine (申请/审核): applications with their current status and review
// step, every version of the form (补充材料 keeps history), every action taken (who, role,
// opinion, attachments, when), and in-app notifications.
import { DataTypes } from 'sequelize';
import type { MigrationContext } from '../../api/src/platform/db/migrator';

const id = { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false };
const createdAt = { type: DataTypes.DATE(3), allowNull: false };
const optional = (type: DataTypes.DataType) => ({ type, allowNull: true });
const ref = (table: string, allowNull = false, onDelete = 'RESTRICT') => ({
  type: DataTypes.INTEGER,
  allowNull,
  references: { model: table, key: 'id' },
  onDelete,
});

export async function up({ qi }: MigrationContext): Promise<void> {
  const longText = qi.sequelize.getDialect() === 'sqlite' ? DataTypes.TEXT : DataTypes.TEXT('long');

  await qi.createTable('applications', {
    id,
    type: { type: DataTypes.STRING(32), allowNull: false }, // business type key, e.g. presale_permit
    app_no: { type: DataTypes.STRING(32), allowNull: true, unique: true }, // 受理编号, given at first submit
    title: { type: DataTypes.STRING(200), allowNull: false },
    org_id: ref('orgs'), // the applicant enterprise
    project_id: ref('projects', true, 'SET NULL'),
    created_by: ref('users', true, 'SET NULL'),
    status: { type: DataTypes.STRING(16), allowNull: false },
    step: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 }, // 1-based review step while in review
    step_roles: { type: DataTypes.STRING(200), allowNull: false, defaultValue: '' }, // roles that may act now, comma-separated
    version_no: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 }, // latest form version
    lock_version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 }, // bumped on every change (stale pages)
    deadline_at: optional(DataTypes.DATE(3)), // the current step's deadline (working days)
    submitted_at: optional(DataTypes.DATE(3)),
    decided_at: optional(DataTypes.DATE(3)),
    result_type: optional(DataTypes.STRING(32)), // what approval produced, e.g. presale_permit
    result_id: optional(DataTypes.INTEGER),
    created_at: createdAt,
    updated_at: createdAt,
  });
  await qi.addIndex('applications', ['type', 'status']);
  await qi.addIndex('applications', ['org_id', 'status']);
  await qi.addIndex('applications', ['status', 'deadline_at']);
  await qi.addIndex('applications', ['project_id']);

  await qi.createTable('application_versions', {
    id,
    application_id: ref('applications', false, 'CASCADE'),
    version_no: { type: DataTypes.INTEGER, allowNull: false },
    form: { type: longText, allowNull: false }, // JSON
    attachments: { type: DataTypes.TEXT, allowNull: false }, // JSON [{ key, fileId, name }]
    created_by: ref('users', true, 'SET NULL'),
    created_at: createdAt,
    updated_at: createdAt,
  });
  await qi.addIndex('application_versions', ['application_id', 'version_no'], { unique: true, name: 'application_versions_app_no' });

  await qi.createTable('application_actions', {
    id,
    application_id: ref('applications', false, 'CASCADE'),
    seq: { type: DataTypes.INTEGER, allowNull: false },
    action: { type: DataTypes.STRING(16), allowNull: false },
    from_status: { type: DataTypes.STRING(16), allowNull: false },
    from_step: { type: DataTypes.INTEGER, allowNull: false },
    to_status: { type: DataTypes.STRING(16), allowNull: false },
    to_step: { type: DataTypes.INTEGER, allowNull: false },
    step_label: optional(DataTypes.STRING(32)),
    actor_user_id: optional(DataTypes.INTEGER),
    actor_name: optional(DataTypes.STRING(100)),
    actor_role: optional(DataTypes.STRING(32)),
    opinion: optional(DataTypes.STRING(2000)),
    attachment_ids: { type: DataTypes.STRING(1000), allowNull: false, defaultValue: '' },
    version_no: { type: DataTypes.INTEGER, allowNull: false },
    created_at: createdAt,
  });
  await qi.addIndex('application_actions', ['application_id', 'seq'], { unique: true, name: 'application_actions_app_seq' });
  await qi.addIndex('application_actions', ['actor_user_id', 'created_at']);

  // The provincial e-licence a permit was registered as (issued after the approval commits).
  await qi.addColumn('presale_permits', 'licence_id', { type: DataTypes.STRING(100), allowNull: true });
  await qi.addColumn('presale_permits', 'sealed_at', { type: DataTypes.DATE(3), allowNull: true });
  await qi.addColumn('presale_permits', 'application_id', { type: DataTypes.INTEGER, allowNull: true });
  // Facts a change application (变更) may change, and when it last did.
  await qi.addColumn('presale_permits', 'bank_org_id', { type: DataTypes.INTEGER, allowNull: true });
  await qi.addColumn('presale_permits', 'account_no', { type: DataTypes.STRING(40), allowNull: true });
  await qi.addColumn('presale_permits', 'valid_until', { type: DataTypes.STRING(10), allowNull: true });
  await qi.addColumn('presale_permits', 'changed_at', { type: DataTypes.DATE(3), allowNull: true });

  // Which rooms a permit made 可售: the bus events carry the permit number as their reference.
  await qi.addIndex('room_events', ['reference'], { name: 'room_events_reference' });

  await qi.createTable('notifications', {
    id,
    user_id: ref('users', true, 'CASCADE'), // a person …
    role: optional(DataTypes.STRING(32)), // … or everyone holding a role (reviewers of a step)
    org_id: ref('orgs', true, 'CASCADE'),
    kind: { type: DataTypes.STRING(32), allowNull: false },
    title: { type: DataTypes.STRING(200), allowNull: false },
    body: optional(DataTypes.STRING(1000)),
    link: optional(DataTypes.STRING(300)),
    read_at: optional(DataTypes.DATE(3)),
    created_at: createdAt,
  });
  await qi.addIndex('notifications', ['user_id', 'created_at']);
  await qi.addIndex('notifications', ['role', 'created_at']);
}

export async function down({ qi }: MigrationContext): Promise<void> {
  for (const t of ['notifications', 'application_actions', 'application_versions', 'applications']) await qi.dropTable(t);
  await qi.removeIndex('room_events', 'room_events_reference');
  for (const c of ['changed_at', 'valid_until', 'account_no', 'bank_org_id', 'application_id', 'sealed_at', 'licence_id']) await qi.removeColumn('presale_permits', c);
}
