// Foundation schema: organisations, people, roles, sessions, audit chain, files, calendar,
// and the real-estate spine's first tables (projects → buildings → rooms; communities; owners).
// Areas are integer hundredths of a square metre; money is integer fen.
import { DataTypes } from 'sequelize';
import type { MigrationContext } from '../../api/src/platform/db/migrator';

const id = { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false };
const createdAt = { type: DataTypes.DATE(3), allowNull: false };
const ref = (table: string, allowNull = false, onDelete = 'RESTRICT') => ({
  type: DataTypes.INTEGER,
  allowNull,
  references: { model: table, key: 'id' },
  onDelete,
});

export async function up({ qi }: MigrationContext): Promise<void> {
  await qi.createTable('orgs', {
    id,
    kind: { type: DataTypes.STRING(32), allowNull: false },
    name: { type: DataTypes.STRING(200), allowNull: false },
    uscc: { type: DataTypes.STRING(18), allowNull: true, unique: true },
    legal_rep: { type: DataTypes.STRING(100), allowNull: true },
    address: { type: DataTypes.STRING(300), allowNull: true },
    status: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'active' },
    created_at: createdAt,
    updated_at: createdAt,
  });
  await qi.addIndex('orgs', ['kind', 'name']);

  await qi.createTable('users', {
    id,
    username: { type: DataTypes.STRING(64), allowNull: true, unique: true },
    password_hash: { type: DataTypes.STRING(200), allowNull: true },
    display_name: { type: DataTypes.STRING(100), allowNull: false },
    org_id: ref('orgs', true),
    status: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'active' },
    must_change_password: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    password_changed_at: { type: DataTypes.DATE(3), allowNull: true },
    failed_logins: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    locked_until: { type: DataTypes.DATE(3), allowNull: true },
    totp_secret_enc: { type: DataTypes.STRING(200), allowNull: true },
    totp_enrolled_at: { type: DataTypes.DATE(3), allowNull: true },
    totp_last_step: { type: DataTypes.BIGINT, allowNull: true },
    wechat_openid: { type: DataTypes.STRING(64), allowNull: true, unique: true },
    wechat_unionid: { type: DataTypes.STRING(64), allowNull: true },
    gdid_sub: { type: DataTypes.STRING(128), allowNull: true, unique: true },
    real_name_verified_at: { type: DataTypes.DATE(3), allowNull: true },
    phone_enc: { type: DataTypes.STRING(200), allowNull: true },
    phone_hash: { type: DataTypes.STRING(64), allowNull: true },
    id_type: { type: DataTypes.STRING(24), allowNull: true },
    id_no_enc: { type: DataTypes.STRING(200), allowNull: true },
    id_no_hash: { type: DataTypes.STRING(64), allowNull: true },
    created_at: createdAt,
    updated_at: createdAt,
  });
  await qi.addIndex('users', ['org_id']);
  await qi.addIndex('users', ['phone_hash']);
  await qi.addIndex('users', ['id_no_hash']);

  await qi.createTable('user_roles', {
    user_id: { ...ref('users', false, 'CASCADE'), primaryKey: true },
    role: { type: DataTypes.STRING(32), allowNull: false, primaryKey: true },
  });
  await qi.addIndex('user_roles', ['role']);

  await qi.createTable('sessions', {
    id: { type: DataTypes.STRING(36), primaryKey: true, allowNull: false },
    user_id: ref('users', false, 'CASCADE'),
    kind: { type: DataTypes.STRING(16), allowNull: false },
    created_at: createdAt,
    last_seen_at: { type: DataTypes.DATE(3), allowNull: false },
    expires_at: { type: DataTypes.DATE(3), allowNull: false },
    revoked_at: { type: DataTypes.DATE(3), allowNull: true },
    revoke_reason: { type: DataTypes.STRING(32), allowNull: true },
    ip: { type: DataTypes.STRING(64), allowNull: true },
    user_agent: { type: DataTypes.STRING(255), allowNull: true },
  });
  await qi.addIndex('sessions', ['user_id']);

  await qi.createTable('refresh_tokens', {
    id,
    session_id: { type: DataTypes.STRING(36), allowNull: false, references: { model: 'sessions', key: 'id' }, onDelete: 'CASCADE' },
    token_hash: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    created_at: createdAt,
    expires_at: { type: DataTypes.DATE(3), allowNull: false },
    used_at: { type: DataTypes.DATE(3), allowNull: true },
  });
  await qi.addIndex('refresh_tokens', ['session_id']);

  await qi.createTable('oidc_logins', {
    state: { type: DataTypes.STRING(64), primaryKey: true, allowNull: false },
    verifier: { type: DataTypes.STRING(128), allowNull: false },
    nonce: { type: DataTypes.STRING(64), allowNull: false },
    mode: { type: DataTypes.STRING(8), allowNull: false },
    user_id: ref('users', true, 'CASCADE'),
    return_to: { type: DataTypes.STRING(500), allowNull: true },
    ticket_hash: { type: DataTypes.STRING(64), allowNull: true, unique: true },
    result_user_id: ref('users', true, 'CASCADE'),
    created_at: createdAt,
    completed_at: { type: DataTypes.DATE(3), allowNull: true },
    used_at: { type: DataTypes.DATE(3), allowNull: true },
  });

  // Append-only audit chain. `seq` is assigned from audit_head under a lock, so the chain has
  // no gaps; a missing seq is a deleted record.
  await qi.createTable('audit_logs', {
    seq: { type: DataTypes.BIGINT, primaryKey: true, allowNull: false },
    at: createdAt,
    actor_id: { type: DataTypes.INTEGER, allowNull: true },
    actor_name: { type: DataTypes.STRING(100), allowNull: true },
    actor_role: { type: DataTypes.STRING(32), allowNull: true },
    action: { type: DataTypes.STRING(64), allowNull: false },
    object_type: { type: DataTypes.STRING(64), allowNull: true },
    object_id: { type: DataTypes.STRING(64), allowNull: true },
    result: { type: DataTypes.STRING(16), allowNull: false },
    ip: { type: DataTypes.STRING(64), allowNull: true },
    request_id: { type: DataTypes.STRING(64), allowNull: true },
    detail: { type: DataTypes.TEXT, allowNull: true },
    prev_hash: { type: DataTypes.STRING(64), allowNull: false },
    hash: { type: DataTypes.STRING(64), allowNull: false },
  });
  await qi.addIndex('audit_logs', ['at']);
  await qi.addIndex('audit_logs', ['actor_id']);
  await qi.addIndex('audit_logs', ['action']);
  await qi.createTable('audit_head', {
    id: { type: DataTypes.INTEGER, primaryKey: true, allowNull: false },
    seq: { type: DataTypes.BIGINT, allowNull: false },
    hash: { type: DataTypes.STRING(64), allowNull: false },
  });
  await qi.bulkInsert('audit_head', [{ id: 1, seq: 0, hash: '0'.repeat(64) }]);

  await qi.createTable('files', {
    id: { type: DataTypes.STRING(36), primaryKey: true, allowNull: false },
    owner_user_id: ref('users', true, 'SET NULL'),
    org_id: ref('orgs', true, 'SET NULL'),
    name: { type: DataTypes.STRING(255), allowNull: false },
    mime: { type: DataTypes.STRING(100), allowNull: false },
    kind: { type: DataTypes.STRING(16), allowNull: false },
    size: { type: DataTypes.BIGINT, allowNull: false },
    sha256: { type: DataTypes.STRING(64), allowNull: false },
    storage_key: { type: DataTypes.STRING(100), allowNull: false },
    public_key: { type: DataTypes.STRING(100), allowNull: true },
    thumb_key: { type: DataTypes.STRING(100), allowNull: true },
    location: { type: DataTypes.STRING(200), allowNull: true },
    visibility: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'private' },
    created_at: createdAt,
  });
  await qi.addIndex('files', ['owner_user_id']);
  await qi.addIndex('files', ['sha256']);

  await qi.createTable('calendar_days', {
    date: { type: DataTypes.STRING(10), primaryKey: true, allowNull: false },
    kind: { type: DataTypes.STRING(16), allowNull: false },
    name: { type: DataTypes.STRING(64), allowNull: false },
    updated_by: { type: DataTypes.INTEGER, allowNull: true },
    updated_at: createdAt,
  });

  await qi.createTable('projects', {
    id,
    developer_org_id: ref('orgs'),
    name: { type: DataTypes.STRING(200), allowNull: false },
    filed_name: { type: DataTypes.STRING(200), allowNull: true },
    marketing_name: { type: DataTypes.STRING(200), allowNull: true },
    parcel_code: { type: DataTypes.STRING(19), allowNull: true },
    address: { type: DataTypes.STRING(300), allowNull: false },
    district: { type: DataTypes.STRING(64), allowNull: false },
    lng: { type: DataTypes.DOUBLE, allowNull: true },
    lat: { type: DataTypes.DOUBLE, allowNull: true },
    land_area: { type: DataTypes.BIGINT, allowNull: true },
    planned_floor_area: { type: DataTypes.BIGINT, allowNull: true },
    status: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'selling' },
    created_at: createdAt,
    updated_at: createdAt,
  });
  await qi.addIndex('projects', ['developer_org_id']);
  await qi.addIndex('projects', ['name']);

  await qi.createTable('buildings', {
    id,
    project_id: ref('projects', false, 'CASCADE'),
    building_no: { type: DataTypes.STRING(32), allowNull: false },
    survey_no: { type: DataTypes.STRING(32), allowNull: true },
    structure: { type: DataTypes.STRING(32), allowNull: true },
    use: { type: DataTypes.STRING(16), allowNull: false },
    floors_total: { type: DataTypes.INTEGER, allowNull: false },
    floors_built: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    floors_underground: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    address: { type: DataTypes.STRING(300), allowNull: true },
    total_area: { type: DataTypes.BIGINT, allowNull: false, defaultValue: 0 },
    base_area: { type: DataTypes.BIGINT, allowNull: true },
    presale_room_count: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    created_at: createdAt,
  });
  await qi.addIndex('buildings', ['project_id']);

  await qi.createTable('rooms', {
    id,
    building_id: ref('buildings', false, 'CASCADE'),
    project_id: ref('projects', false, 'CASCADE'),
    unit_number: { type: DataTypes.STRING(28), allowNull: false, unique: true }, // 不动产单元号
    unit_name: { type: DataTypes.STRING(16), allowNull: true }, // 单元
    floor: { type: DataTypes.INTEGER, allowNull: false },
    room_no: { type: DataTypes.STRING(16), allowNull: false },
    use: { type: DataTypes.STRING(16), allowNull: false },
    office_subtype: { type: DataTypes.STRING(16), allowNull: true },
    build_area: { type: DataTypes.INTEGER, allowNull: false },
    inner_area: { type: DataTypes.INTEGER, allowNull: false },
    shared_area: { type: DataTypes.INTEGER, allowNull: false },
    floor_height: { type: DataTypes.INTEGER, allowNull: true }, // cm
    filed_unit_price: { type: DataTypes.BIGINT, allowNull: true }, // fen per m²
    filed_total_price: { type: DataTypes.BIGINT, allowNull: true }, // fen
    fitout: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    sale_status: { type: DataTypes.STRING(16), allowNull: false },
    flags: { type: DataTypes.STRING(200), allowNull: false, defaultValue: '' },
    updated_at: createdAt,
  });
  await qi.addIndex('rooms', ['building_id', 'floor']);
  await qi.addIndex('rooms', ['project_id', 'sale_status']);

  await qi.createTable('communities', {
    id,
    project_id: ref('projects', true, 'SET NULL'),
    name: { type: DataTypes.STRING(200), allowNull: false },
    address: { type: DataTypes.STRING(300), allowNull: false },
    district: { type: DataTypes.STRING(64), allowNull: false },
    property_org_id: ref('orgs', true, 'SET NULL'),
    committee_org_id: ref('orgs', true, 'SET NULL'),
    street_office: { type: DataTypes.STRING(100), allowNull: true },
    lng: { type: DataTypes.DOUBLE, allowNull: true },
    lat: { type: DataTypes.DOUBLE, allowNull: true },
    created_at: createdAt,
  });

  await qi.createTable('house_owners', {
    id,
    room_id: ref('rooms', false, 'CASCADE'),
    user_id: ref('users', false, 'CASCADE'),
    relation: { type: DataTypes.STRING(16), allowNull: false },
    verified_at: { type: DataTypes.DATE(3), allowNull: true },
    created_at: createdAt,
  });
  await qi.addIndex('house_owners', ['room_id', 'user_id'], { unique: true });
  await qi.addIndex('house_owners', ['user_id']);
}

export async function down({ qi }: MigrationContext): Promise<void> {
  for (const t of [
    'house_owners', 'communities', 'rooms', 'buildings', 'projects', 'calendar_days', 'files', 'audit_head', 'audit_logs',
    'oidc_logins', 'refresh_tokens', 'sessions', 'user_roles', 'users', 'orgs',
  ]) {
    await qi.dropTable(t);
  }
}
