// Enterprises and credit: the registry facts of developers, agencies and property companies
// (one profile row per organisation), the certificates they hold (资质证书、备案证明), brokers
// with their agency history and practice qualifications, and the credit engine — rating
// standards per kind of subject, credit events with evidence and review, objections, yearly
// snapshots and public ratings. Personal identifiers are SM4-encrypted with a keyed hash.
import { DataTypes, Op } from 'sequelize';
import type { MigrationContext } from '../../api/src/platform/db/migrator';

const id = { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false };
const at = { type: DataTypes.DATE(3), allowNull: false };
const optional = (type: DataTypes.DataType) => ({ type, allowNull: true });
const ref = (table: string, allowNull = false, onDelete = 'RESTRICT') => ({
  type: DataTypes.INTEGER,
  allowNull,
  references: { model: table, key: 'id' },
  onDelete,
});
const day = (allowNull = false) => ({ type: DataTypes.STRING(10), allowNull }); // YYYY-MM-DD, a business date in +08:00

// Certificate numbers come from the code-assignment service; the defaults as of this migration.
const NEW_RULES = [
  { family: 'developer_qualification', prefix: '横琴房开资字', template: '{prefix}（{year}）第{seq:5}号', scope: 'year' },
  { family: 'agency_filing', prefix: '横琴中介备字', template: '{prefix}（{year}）第{seq:5}号', scope: 'year' },
  { family: 'broker_filing', prefix: 'HQJJ', template: '{prefix}{year}{seq:6}{check}', scope: 'year' },
  { family: 'property_filing', prefix: '横琴物业备字', template: '{prefix}（{year}）第{seq:5}号', scope: 'year' },
];
const TABLES = [
  'credit_ratings', 'credit_snapshots', 'credit_objections', 'credit_events', 'credit_standards',
  'broker_qualifications', 'broker_affiliations', 'enterprise_profiles', 'enterprise_certificates', 'brokers',
];

export async function up({ qi }: MigrationContext): Promise<void> {
  const longText = qi.sequelize.getDialect() === 'sqlite' ? DataTypes.TEXT : DataTypes.TEXT('long');

  await qi.createTable('brokers', {
    id,
    agency_org_id: ref('orgs', true), // the agency now; null once released
    user_id: ref('users', true, 'SET NULL'), // the broker's own login (WeChat), when linked
    name: { type: DataTypes.STRING(50), allowNull: false },
    id_type: { type: DataTypes.STRING(24), allowNull: false },
    id_no_enc: { type: DataTypes.STRING(200), allowNull: false },
    id_no_hash: { type: DataTypes.STRING(64), allowNull: false, unique: true }, // one person, one broker record
    phone_enc: { type: DataTypes.STRING(200), allowNull: false },
    phone_hash: { type: DataTypes.STRING(64), allowNull: false },
    education: optional(DataTypes.STRING(20)),
    status: { type: DataTypes.STRING(16), allowNull: false }, // pending | active | released | cancelled
    registered_at: optional(DataTypes.DATE(3)),
    filed_at: optional(DataTypes.DATE(3)),
    released_at: optional(DataTypes.DATE(3)),
    filing_cert_id: optional(DataTypes.INTEGER), // enterprise_certificates.id of the current 经纪人备案证明
    version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 }, // bumped on every change (public ETags)
    created_at: at,
    updated_at: at,
  });
  await qi.addIndex('brokers', ['agency_org_id', 'status'], { name: 'brokers_agency_status' });
  await qi.addIndex('brokers', ['user_id'], { name: 'brokers_user' });
  await qi.addIndex('brokers', ['name'], { name: 'brokers_name' });

  await qi.createTable('enterprise_certificates', {
    id,
    kind: { type: DataTypes.STRING(32), allowNull: false }, // developer_qualification | agency_filing | broker_filing | property_filing
    cert_no: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    org_id: ref('orgs'), // the holder, or the broker's agency
    broker_id: ref('brokers', true),
    application_id: ref('applications', true, 'SET NULL'),
    grade: optional(DataTypes.STRING(16)), // qualification grade
    facts: { type: DataTypes.TEXT, allowNull: false }, // JSON: what the certificate states, frozen at issue
    issued_on: day(),
    valid_until: day(true),
    status: { type: DataTypes.STRING(16), allowNull: false }, // valid | superseded | revoked
    status_reason: optional(DataTypes.STRING(300)),
    replaced_by: optional(DataTypes.INTEGER),
    status_changed_at: optional(DataTypes.DATE(3)),
    created_at: at,
  });
  await qi.addIndex('enterprise_certificates', ['org_id', 'kind', 'status'], { name: 'enterprise_certificates_org' });
  await qi.addIndex('enterprise_certificates', ['broker_id'], { name: 'enterprise_certificates_broker' });

  await qi.createTable('enterprise_profiles', {
    org_id: { type: DataTypes.INTEGER, primaryKey: true, allowNull: false, references: { model: 'orgs', key: 'id' }, onDelete: 'CASCADE' },
    kind: { type: DataTypes.STRING(32), allowNull: false }, // developer | agency | property_company
    status: { type: DataTypes.STRING(16), allowNull: false }, // pending | active | cancelled
    source: { type: DataTypes.STRING(16), allowNull: false }, // application | registry | tender
    facts: { type: DataTypes.TEXT, allowNull: false }, // JSON: capital, dates, scope, personnel, track record …
    contact_name: optional(DataTypes.STRING(50)),
    contact_phone_enc: optional(DataTypes.STRING(200)),
    registered_at: optional(DataTypes.DATE(3)),
    cancelled_at: optional(DataTypes.DATE(3)),
    cancel_reason: optional(DataTypes.STRING(300)),
    qualification_cert_id: ref('enterprise_certificates', true, 'SET NULL'),
    filing_cert_id: ref('enterprise_certificates', true, 'SET NULL'),
    version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
    created_at: at,
    updated_at: at,
  });
  await qi.addIndex('enterprise_profiles', ['kind', 'status'], { name: 'enterprise_profiles_kind_status' });

  await qi.createTable('broker_affiliations', {
    id,
    broker_id: ref('brokers', false, 'CASCADE'),
    agency_org_id: ref('orgs'),
    started_at: at,
    ended_at: optional(DataTypes.DATE(3)),
    end_reason: optional(DataTypes.STRING(300)),
    created_by: ref('users', true, 'SET NULL'),
  });
  await qi.addIndex('broker_affiliations', ['broker_id', 'started_at'], { name: 'broker_affiliations_broker' });

  await qi.createTable('broker_qualifications', {
    id,
    broker_id: ref('brokers', false, 'CASCADE'),
    kind: { type: DataTypes.STRING(16), allowNull: false }, // practice 执业资格 | post 上岗资格
    level: { type: DataTypes.STRING(16), allowNull: false }, // broker | assistant
    cert_no: { type: DataTypes.STRING(64), allowNull: false },
    issued_on: day(),
    valid_until: day(),
    status: { type: DataTypes.STRING(16), allowNull: false }, // valid | suspended | cancelled
    checked_at: optional(DataTypes.DATE(3)),
    check_result: optional(DataTypes.STRING(8)), // pass | fail
    check_note: optional(DataTypes.STRING(500)),
    cancelled_at: optional(DataTypes.DATE(3)),
    cancel_reason: optional(DataTypes.STRING(300)),
    created_at: at,
    updated_at: at,
  });
  await qi.addIndex('broker_qualifications', ['kind', 'cert_no'], { unique: true, name: 'broker_qualifications_cert' });
  await qi.addIndex('broker_qualifications', ['broker_id'], { name: 'broker_qualifications_broker' });

  await qi.createTable('credit_standards', {
    kind: { type: DataTypes.STRING(32), primaryKey: true, allowNull: false }, // developer | agency | broker | property_company
    body: { type: DataTypes.TEXT, allowNull: false }, // JSON: base items, indicators, grade bands, rating rule
    version: { type: DataTypes.INTEGER, allowNull: false },
    updated_by: ref('users', true, 'SET NULL'),
    updated_at: at,
  });

  await qi.createTable('credit_events', {
    id,
    subject_kind: { type: DataTypes.STRING(32), allowNull: false },
    subject_id: { type: DataTypes.INTEGER, allowNull: false }, // orgs.id, or brokers.id for brokers
    subject_org_id: ref('orgs', true), // the organisation whose staff see it (a broker's agency when recorded)
    indicator_code: { type: DataTypes.STRING(32), allowNull: false },
    indicator_label: { type: DataTypes.STRING(60), allowNull: false }, // frozen from the standard
    direction: { type: DataTypes.STRING(8), allowNull: false }, // good | bad
    points: { type: DataTypes.INTEGER, allowNull: false }, // frozen, positive
    blacklist: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    occurred_on: day(),
    valid_until: day(),
    title: { type: DataTypes.STRING(100), allowNull: false },
    description: optional(DataTypes.STRING(1000)),
    basis_type: { type: DataTypes.STRING(16), allowNull: false },
    basis_no: { type: DataTypes.STRING(100), allowNull: false },
    evidence_file_ids: { type: DataTypes.STRING(1000), allowNull: false, defaultValue: '' },
    source: { type: DataTypes.STRING(16), allowNull: false }, // self_report | regulator | import
    source_dept: optional(DataTypes.STRING(64)),
    external_ref: optional(DataTypes.STRING(64)), // the other department's record id (imports are idempotent)
    status: { type: DataTypes.STRING(16), allowNull: false }, // pending | effective | rejected | revoked
    reported_by: ref('users', true, 'SET NULL'),
    reported_role: optional(DataTypes.STRING(32)),
    reviewed_by: ref('users', true, 'SET NULL'),
    reviewed_at: optional(DataTypes.DATE(3)),
    review_opinion: optional(DataTypes.STRING(1000)),
    revoked_at: optional(DataTypes.DATE(3)),
    revoke_reason: optional(DataTypes.STRING(1000)),
    created_at: at,
    updated_at: at,
  });
  await qi.addIndex('credit_events', ['subject_kind', 'subject_id', 'status'], { name: 'credit_events_subject' });
  await qi.addIndex('credit_events', ['subject_org_id'], { name: 'credit_events_org' });
  await qi.addIndex('credit_events', ['status', 'created_at'], { name: 'credit_events_queue' });
  await qi.addIndex('credit_events', ['source_dept', 'external_ref'], { unique: true, name: 'credit_events_external' });

  await qi.createTable('credit_objections', {
    id,
    event_id: ref('credit_events', false, 'CASCADE'),
    submitted_by: ref('users', true, 'SET NULL'),
    org_id: ref('orgs', true),
    reason: { type: DataTypes.STRING(1000), allowNull: false },
    evidence_file_ids: { type: DataTypes.STRING(1000), allowNull: false },
    status: { type: DataTypes.STRING(16), allowNull: false }, // pending | upheld | dismissed
    decided_by: ref('users', true, 'SET NULL'),
    decided_at: optional(DataTypes.DATE(3)),
    opinion: optional(DataTypes.STRING(1000)),
    created_at: at,
  });
  await qi.addIndex('credit_objections', ['event_id'], { name: 'credit_objections_event' });
  await qi.addIndex('credit_objections', ['status'], { name: 'credit_objections_status' });

  await qi.createTable('credit_snapshots', {
    id,
    subject_kind: { type: DataTypes.STRING(32), allowNull: false },
    subject_id: { type: DataTypes.INTEGER, allowNull: false },
    year: { type: DataTypes.INTEGER, allowNull: false },
    score: { type: DataTypes.INTEGER, allowNull: false },
    grade: { type: DataTypes.STRING(16), allowNull: false },
    grade_label: { type: DataTypes.STRING(20), allowNull: false },
    explanation: { type: longText, allowNull: false }, // JSON: the explanation as of the year's last day
    standard_version: { type: DataTypes.INTEGER, allowNull: false },
    taken_at: at,
    taken_by: ref('users', true, 'SET NULL'),
  });
  await qi.addIndex('credit_snapshots', ['subject_kind', 'subject_id', 'year'], { unique: true, name: 'credit_snapshots_subject_year' });

  await qi.createTable('credit_ratings', {
    id,
    subject_kind: { type: DataTypes.STRING(32), allowNull: false }, // agency | broker
    subject_id: { type: DataTypes.INTEGER, allowNull: false },
    rater_user_id: ref('users', false, 'CASCADE'),
    quarter: { type: DataTypes.STRING(7), allowNull: false }, // 2026Q2, in +08:00
    professionalism: { type: DataTypes.INTEGER, allowNull: false },
    attitude: { type: DataTypes.INTEGER, allowNull: false },
    process: { type: DataTypes.INTEGER, allowNull: false },
    reason: { type: DataTypes.STRING(500), allowNull: false },
    rated_on: day(),
    created_at: at,
  });
  // One rating per person per subject per quarter; the index is what refuses a second one.
  await qi.addIndex('credit_ratings', ['subject_kind', 'subject_id', 'rater_user_id', 'quarter'], { unique: true, name: 'credit_ratings_once' });
  await qi.addIndex('credit_ratings', ['subject_kind', 'subject_id', 'rated_on'], { name: 'credit_ratings_subject' });

  const now = new Date();
  await qi.bulkInsert('code_rules', NEW_RULES.map((r) => ({ ...r, updated_at: now, updated_by: null })));
}

export async function down({ qi }: MigrationContext): Promise<void> {
  const families = NEW_RULES.map((r) => r.family);
  await qi.bulkDelete('code_issues', { family: { [Op.in]: families } });
  await qi.bulkDelete('code_counters', { family: { [Op.in]: families } });
  await qi.bulkDelete('code_rules', { family: { [Op.in]: families } });
  for (const t of TABLES) await qi.dropTable(t);
}
