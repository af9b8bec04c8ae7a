// 赋码 (RE-020…RE-025): one rule per code family, a counter per family and scope (year, month
// or none) advanced under a row lock inside the caller's transaction, and every code issued,
// never reused once cancelled.
import { DataTypes } from 'sequelize';
import type { MigrationContext } from '../../api/src/platform/db/migrator';

const optional = (type: DataTypes.DataType) => ({ type, allowNull: true });

// The defaults as of this migration; later edits are made through the API and audited.
const DEFAULT_RULES = [
  { family: 'presale_permit', prefix: '横琴房预许字', template: '{prefix}（{year}）第{seq:5}号', scope: 'year' },
  { family: 'completed_filing', prefix: '横琴现售备字', template: '{prefix}（{year}）第{seq:5}号', scope: 'year' },
  { family: 'new_home_contract', prefix: 'HQXF', template: '{prefix}{year}{seq:7}{check}', scope: 'year' },
  { family: 'second_hand_contract', prefix: 'HQCL', template: '{prefix}{year}{seq:7}{check}', scope: 'year' },
  { family: 'mortgage_contract', prefix: 'HQDY', template: '{prefix}{year}{seq:7}{check}', scope: 'year' },
  { family: 'lease_contract', prefix: 'HQZL', template: '{prefix}{year}{month}{seq:6}{check:mod31}', scope: 'year_month' },
];

export async function up({ qi }: MigrationContext): Promise<void> {
  await qi.createTable('code_rules', {
    family: { type: DataTypes.STRING(32), primaryKey: true, allowNull: false },
    prefix: { type: DataTypes.STRING(32), allowNull: false, defaultValue: '' },
    template: { type: DataTypes.STRING(100), allowNull: false },
    scope: { type: DataTypes.STRING(16), allowNull: false }, // year | year_month | never
    updated_at: { type: DataTypes.DATE(3), allowNull: false },
    updated_by: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'users', key: 'id' }, onDelete: 'SET NULL' },
  });
  const now = new Date();
  await qi.bulkInsert('code_rules', DEFAULT_RULES.map((r) => ({ ...r, updated_at: now, updated_by: null })));

  // One row per family and scope key ('2026', '2026-03' or 'all'); its primary key is what
  // the issuing transaction locks.
  await qi.createTable('code_counters', {
    family: { type: DataTypes.STRING(32), primaryKey: true, allowNull: false },
    scope_key: { type: DataTypes.STRING(16), primaryKey: true, allowNull: false },
    last_seq: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    updated_at: { type: DataTypes.DATE(3), allowNull: false },
  });

  await qi.createTable('code_issues', {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },
    family: { type: DataTypes.STRING(32), allowNull: false },
    scope_key: { type: DataTypes.STRING(16), allowNull: false },
    seq: { type: DataTypes.INTEGER, allowNull: false },
    code: { type: DataTypes.STRING(64), allowNull: false },
    object_type: { type: DataTypes.STRING(32), allowNull: false },
    object_id: { type: DataTypes.STRING(64), allowNull: false },
    status: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'issued' }, // issued | cancelled
    issued_at: { type: DataTypes.DATE(3), allowNull: false },
    cancelled_at: optional(DataTypes.DATE(3)),
    cancelled_by: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'users', key: 'id' }, onDelete: 'SET NULL' },
    cancel_reason: optional(DataTypes.STRING(300)),
  });
  await qi.addIndex('code_issues', ['code'], { unique: true, name: 'code_issues_code' });
  await qi.addIndex('code_issues', ['family', 'scope_key', 'seq'], { unique: true, name: 'code_issues_family_scope_seq' });
  await qi.addIndex('code_issues', ['object_type', 'object_id'], { name: 'code_issues_object' });
}

export async function down({ qi }: MigrationContext): Promise<void> {
  for (const t of ['code_issues', 'code_counters', 'code_rules']) await qi.dropTable(t);
}
