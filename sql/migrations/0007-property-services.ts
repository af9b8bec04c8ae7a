// Owner and property services: communities kept in sync with their real-estate project, house
// verification against the registry (and the registry simulator's titles), household members,
// tickets — repairs (报修), complaints (投诉) and patrol issues (巡查/随手拍) sharing one lifecycle
// with working-day deadlines and escalation — their history and photos, and patrol tasks.
import { DataTypes } from 'sequelize';
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

const TABLES = ['ticket_photos', 'ticket_events', 'tickets', 'patrol_tasks', 'house_verifications', 'house_members', 'sim_registry_titles'];

export async function up({ qi }: MigrationContext): Promise<void> {
  // Communities: the street / community office that supervises them, and the last sync.
  await qi.addColumn('communities', 'street_org_id', ref('orgs', true, 'SET NULL'));
  await qi.addColumn('communities', 'houses', { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 });
  await qi.addColumn('communities', 'registered_houses', { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 });
  await qi.addColumn('communities', 'synced_at', optional(DataTypes.DATE(3)));
  await qi.addIndex('communities', ['project_id'], { name: 'communities_project', unique: true });

  // Household members: who added them, until when (tenants), the certificate that verified the owner.
  await qi.addColumn('house_owners', 'added_by', ref('users', true, 'SET NULL'));
  await qi.addColumn('house_owners', 'valid_until', day(true));
  await qi.addColumn('house_owners', 'cert_no', optional(DataTypes.STRING(64)));

  // The real-estate registry's titles (不动产权证), as its local simulator keeps them: built from
  // the building table (registered rooms) and the owners' identities. Production asks the registry.
  await qi.createTable('sim_registry_titles', {
    id,
    cert_no: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    room_id: ref('rooms', false, 'CASCADE'),
    owner_name: { type: DataTypes.STRING(50), allowNull: false },
    owner_id_hash: { type: DataTypes.STRING(64), allowNull: false },
    registered_on: day(),
    status: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'valid' }, // valid | cancelled | seized
    created_at: at,
  });
  await qi.addIndex('sim_registry_titles', ['room_id'], { name: 'sim_registry_titles_room' });

  // Household members an owner added by phone number; bound when that person logs in.
  await qi.createTable('house_members', {
    id,
    room_id: ref('rooms', false, 'CASCADE'),
    owner_user_id: ref('users', false, 'CASCADE'),
    name: { type: DataTypes.STRING(50), allowNull: false },
    phone_enc: { type: DataTypes.STRING(200), allowNull: false },
    phone_hash: { type: DataTypes.STRING(64), allowNull: false },
    relation: { type: DataTypes.STRING(16), allowNull: false }, // tenant | family
    valid_until: day(true),
    bound_user_id: ref('users', true, 'SET NULL'),
    removed_at: optional(DataTypes.DATE(3)),
    created_at: at,
  });
  await qi.addIndex('house_members', ['room_id'], { name: 'house_members_room' });
  await qi.addIndex('house_members', ['phone_hash'], { name: 'house_members_phone' });

  // Every verification attempt (the owner sees the reason; attempts per day are limited).
  await qi.createTable('house_verifications', {
    id,
    user_id: ref('users', false, 'CASCADE'),
    cert_no: { type: DataTypes.STRING(64), allowNull: false },
    room_id: ref('rooms', true, 'SET NULL'),
    ok: { type: DataTypes.BOOLEAN, allowNull: false },
    reason: optional(DataTypes.STRING(32)),
    message: { type: DataTypes.STRING(200), allowNull: false },
    created_at: at,
  });
  await qi.addIndex('house_verifications', ['user_id', 'created_at'], { name: 'house_verifications_user' });

  await qi.createTable('patrol_tasks', {
    id,
    community_id: ref('communities', false, 'CASCADE'),
    org_id: ref('orgs', true, 'SET NULL'), // the property company that patrols
    title: { type: DataTypes.STRING(100), allowNull: false },
    checklist: { type: DataTypes.TEXT, allowNull: false }, // JSON array of strings
    due_date: day(),
    assignee_user_id: ref('users', true, 'SET NULL'),
    status: { type: DataTypes.STRING(16), allowNull: false }, // open | done
    done_at: optional(DataTypes.DATE(3)),
    done_note: optional(DataTypes.STRING(1000)),
    done_photo_ids: { type: DataTypes.STRING(1000), allowNull: false, defaultValue: '' },
    created_by: ref('users', true, 'SET NULL'),
    created_at: at,
    updated_at: at,
  });
  await qi.addIndex('patrol_tasks', ['community_id', 'status'], { name: 'patrol_tasks_community' });
  await qi.addIndex('patrol_tasks', ['org_id', 'status', 'due_date'], { name: 'patrol_tasks_org' });

  await qi.createTable('tickets', {
    id,
    ticket_no: optional(DataTypes.STRING(20)), // BX2026000123, set right after insert
    kind: { type: DataTypes.STRING(16), allowNull: false }, // repair | complaint | patrol
    status: { type: DataTypes.STRING(16), allowNull: false },
    category: { type: DataTypes.STRING(32), allowNull: false },
    channel: { type: DataTypes.STRING(16), allowNull: false }, // miniapp | phone | counter | patrol
    target: optional(DataTypes.STRING(16)), // complaints: property | regulator
    community_id: ref('communities', true, 'SET NULL'),
    room_id: ref('rooms', true, 'SET NULL'),
    place: { type: DataTypes.STRING(16), allowNull: false }, // home | common
    place_text: optional(DataTypes.STRING(100)),
    description: { type: DataTypes.TEXT, allowNull: false },
    preferred_time: optional(DataTypes.STRING(50)),
    patrol_task_id: ref('patrol_tasks', true, 'SET NULL'),
    // Who reported: a user (owner, staff), or a person registered by phone / at the counter.
    reporter_user_id: ref('users', true, 'SET NULL'),
    reporter_name: optional(DataTypes.STRING(50)),
    reporter_phone_enc: optional(DataTypes.STRING(200)),
    registered_by: ref('users', true, 'SET NULL'),
    /** `${user id}:${client request id}`: the same submission twice is the same ticket. */
    client_key: { type: DataTypes.STRING(100), allowNull: false, unique: true },
    // Who handles: the property company (org) or the regulator; then the person or unit dispatched to.
    org_id: ref('orgs', true, 'SET NULL'),
    handler_kind: { type: DataTypes.STRING(16), allowNull: false }, // property | regulator
    assignee_user_id: ref('users', true, 'SET NULL'),
    assignee_org_id: ref('orgs', true, 'SET NULL'),
    // Deadlines (working days) and escalation.
    report_date: day(),
    due_date: day(),
    warn_date: day(),
    warned_at: optional(DataTypes.DATE(3)),
    escalation_level: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    escalated_at: optional(DataTypes.DATE(3)),
    // Outcome.
    result: optional(DataTypes.TEXT),
    duplicate_of: optional(DataTypes.STRING(20)),
    done_at: optional(DataTypes.DATE(3)), // first time the work was over (on-time measure)
    done_date: day(true),
    on_time: optional(DataTypes.BOOLEAN),
    closed_at: optional(DataTypes.DATE(3)),
    reopen_until: day(true),
    reopen_count: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    rating: optional(DataTypes.INTEGER),
    rating_comment: optional(DataTypes.STRING(500)),
    lng: optional(DataTypes.DOUBLE), // private: handlers and regulators only
    lat: optional(DataTypes.DOUBLE),
    version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    created_at: at,
    updated_at: at,
  });
  await qi.addIndex('tickets', ['ticket_no'], { name: 'tickets_no', unique: true });
  await qi.addIndex('tickets', ['reporter_user_id', 'created_at'], { name: 'tickets_reporter' });
  await qi.addIndex('tickets', ['org_id', 'status', 'due_date'], { name: 'tickets_org_status' });
  await qi.addIndex('tickets', ['community_id', 'status'], { name: 'tickets_community_status' });
  await qi.addIndex('tickets', ['assignee_user_id', 'status'], { name: 'tickets_assignee' });
  await qi.addIndex('tickets', ['status', 'due_date'], { name: 'tickets_status_due' });
  await qi.addIndex('tickets', ['kind', 'report_date'], { name: 'tickets_kind_date' });

  await qi.createTable('ticket_events', {
    id,
    ticket_id: ref('tickets', false, 'CASCADE'),
    seq: { type: DataTypes.INTEGER, allowNull: false },
    action: { type: DataTypes.STRING(24), allowNull: false }, // a TicketAction, or create / escalate / warn
    from_status: optional(DataTypes.STRING(16)),
    to_status: { type: DataTypes.STRING(16), allowNull: false },
    actor_user_id: ref('users', true, 'SET NULL'),
    actor_name: { type: DataTypes.STRING(60), allowNull: false },
    actor_role: optional(DataTypes.STRING(32)),
    note: optional(DataTypes.TEXT),
    detail: optional(DataTypes.TEXT), // JSON: assignee, level, rating…
    created_at: at,
  });
  await qi.addIndex('ticket_events', ['ticket_id', 'seq'], { name: 'ticket_events_seq', unique: true });

  await qi.createTable('ticket_photos', {
    id,
    ticket_id: ref('tickets', false, 'CASCADE'),
    event_seq: { type: DataTypes.INTEGER, allowNull: false },
    stage: { type: DataTypes.STRING(16), allowNull: false }, // report | before | after
    file_id: { type: DataTypes.STRING(36), allowNull: false, references: { model: 'files', key: 'id' }, onDelete: 'RESTRICT' },
    sha256: { type: DataTypes.STRING(64), allowNull: false },
    from_camera: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    lng: optional(DataTypes.DOUBLE),
    lat: optional(DataTypes.DOUBLE),
    public_key: optional(DataTypes.STRING(100)), // mosaicked rendition for public pages
    created_at: at, // server time
  });
  await qi.addIndex('ticket_photos', ['ticket_id'], { name: 'ticket_photos_ticket' });
  await qi.addIndex('ticket_photos', ['ticket_id', 'file_id'], { name: 'ticket_photos_file', unique: true });
}

export async function down({ qi }: MigrationContext): Promise<void> {
  for (const t of TABLES) await qi.dropTable(t);
  await qi.removeColumn('house_owners', 'cert_no');
  await qi.removeColumn('house_owners', 'valid_until');
  await qi.removeColumn('house_owners', 'added_by');
  if (qi.sequelize.getDialect() !== 'sqlite') {
    // MySQL let the foreign key of 0002 use the unique index; give it a plain one back first.
    const indexes = (await qi.showIndex('communities')) as { name: string }[];
    if (!indexes.some((i) => i.name === 'communities_project_fk')) await qi.addIndex('communities', ['project_id'], { name: 'communities_project_fk' });
  }
  await qi.removeIndex('communities', 'communities_project');
  await qi.removeColumn('communities', 'synced_at');
  await qi.removeColumn('communities', 'registered_houses');
  await qi.removeColumn('communities', 'houses');
  await qi.removeColumn('communities', 'street_org_id');
}
