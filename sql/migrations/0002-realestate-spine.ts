// The real-estate spine, second step: project land and planning facts, versions that public
// caches revalidate against, the building-table bus (room_events), presale permits as
// disclosed facts, construction progress (形象进度), survey imports (预售测绘) and published
// content (政策法规/通知公告/购房须知).
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

const PROJECT_COLUMNS = {
  land_use: optional(DataTypes.STRING(64)), // 土地用途（出让合同）
  planned_use: optional(DataTypes.STRING(64)), // 规划用途
  land_term_start: optional(DataTypes.STRING(10)), // YYYY-MM-DD
  land_term_end: optional(DataTypes.STRING(10)),
  plot_ratio: optional(DataTypes.INTEGER), // 容积率 × 100
  greening_rate: optional(DataTypes.INTEGER), // 绿地率, basis points (3500 = 35%)
  land_cert_no: optional(DataTypes.STRING(64)), // 不动产权证号（土地）
  planning_permit_no: optional(DataTypes.STRING(64)), // 建设工程规划许可证号
  construction_permit_no: optional(DataTypes.STRING(64)), // 施工许可证号
  delivery_date: optional(DataTypes.STRING(10)), // 约定交付日期
  version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
} as const;

const BUILDING_COLUMNS = {
  version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
  progress_node: optional(DataTypes.STRING(32)),
  progress_floors: optional(DataTypes.INTEGER),
  progress_at: optional(DataTypes.DATE(3)),
} as const;

const ROOM_COLUMNS = {
  event_seq: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 }, // seq of the room's last bus event
} as const;

export async function up({ qi }: MigrationContext): Promise<void> {
  // MEDIUMTEXT/LONGTEXT on MySQL; SQLite has one TEXT and warns about options.
  const longText = qi.sequelize.getDialect() === 'sqlite' ? DataTypes.TEXT : DataTypes.TEXT('long');
  for (const [name, spec] of Object.entries(ROOM_COLUMNS)) await qi.addColumn('rooms', name, spec);
  for (const [name, spec] of Object.entries(PROJECT_COLUMNS)) await qi.addColumn('projects', name, spec);
  for (const [name, spec] of Object.entries(BUILDING_COLUMNS)) await qi.addColumn('buildings', name, spec);
  await qi.addIndex('buildings', ['project_id', 'building_no'], { unique: true, name: 'buildings_project_building_no' });
  await qi.addIndex('projects', ['district']);
  await qi.addIndex('projects', ['lng', 'lat']);

  // 楼盘表总线: one row per change of a room's sale status or flags. seq counts per room from 1.
  await qi.createTable('room_events', {
    id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true, allowNull: false },
    room_id: ref('rooms', false, 'CASCADE'),
    building_id: { type: DataTypes.INTEGER, allowNull: false },
    project_id: { type: DataTypes.INTEGER, allowNull: false },
    seq: { type: DataTypes.INTEGER, allowNull: false },
    kind: { type: DataTypes.STRING(16), allowNull: false }, // created | status | flag_on | flag_off
    value: { type: DataTypes.STRING(200), allowNull: false }, // new status, flag code, or "status|flags" when created
    before_status: optional(DataTypes.STRING(16)),
    before_flags: optional(DataTypes.STRING(200)),
    after_status: { type: DataTypes.STRING(16), allowNull: false },
    after_flags: { type: DataTypes.STRING(200), allowNull: false },
    source: { type: DataTypes.STRING(32), allowNull: false }, // survey_import, online_signing, registry, court, regulator, seed…
    reference: optional(DataTypes.STRING(100)), // contract no., court order no., permit no.
    reason: optional(DataTypes.STRING(300)),
    actor_user_id: optional(DataTypes.INTEGER),
    actor_name: optional(DataTypes.STRING(100)),
    created_at: createdAt,
  });
  await qi.addIndex('room_events', ['room_id', 'seq'], { unique: true, name: 'room_events_room_seq' });
  await qi.addIndex('room_events', ['project_id', 'created_at']);

  // Presale permits as disclosed facts. The application/review workflow that issues them comes
  // with the workflow engine; it will write here.
  await qi.createTable('presale_permits', {
    id,
    project_id: ref('projects', false, 'CASCADE'),
    permit_no: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    authority: { type: DataTypes.STRING(32), allowNull: false },
    year: { type: DataTypes.INTEGER, allowNull: false },
    seq: { type: DataTypes.INTEGER, allowNull: false },
    kind: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'presale' }, // presale | completed (现售备案)
    building_ids: { type: DataTypes.STRING(500), allowNull: false }, // comma-separated
    room_count: { type: DataTypes.INTEGER, allowNull: false },
    area: { type: DataTypes.BIGINT, allowNull: false },
    issued_on: { type: DataTypes.STRING(10), allowNull: false },
    status: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'valid' },
    created_at: createdAt,
  });
  await qi.addIndex('presale_permits', ['authority', 'year', 'seq'], { unique: true, name: 'presale_permits_number' });
  await qi.addIndex('presale_permits', ['project_id']);

  // 形象进度: a developer's report of one construction node for one building, with photos.
  await qi.createTable('progress_reports', {
    id,
    project_id: ref('projects', false, 'CASCADE'),
    building_id: ref('buildings', false, 'CASCADE'),
    node: { type: DataTypes.STRING(32), allowNull: false },
    floors_done: optional(DataTypes.INTEGER),
    reported_on: { type: DataTypes.STRING(10), allowNull: false }, // the date the photos show
    description: optional(DataTypes.STRING(1000)),
    photo_ids: { type: DataTypes.STRING(1000), allowNull: false, defaultValue: '' }, // file uuids, comma-separated
    reported_by: ref('users', true, 'SET NULL'),
    created_at: createdAt,
  });
  await qi.addIndex('progress_reports', ['building_id', 'created_at']);
  await qi.addIndex('progress_reports', ['project_id', 'created_at']);

  // 预售测绘数据导入: one row per uploaded file or JSON batch, with progress and the row report.
  await qi.createTable('survey_imports', {
    id,
    project_id: ref('projects', false, 'CASCADE'),
    source: { type: DataTypes.STRING(16), allowNull: false }, // xlsx | json
    file_id: optional(DataTypes.STRING(36)),
    content_hash: { type: DataTypes.STRING(64), allowNull: false },
    mode: { type: DataTypes.STRING(16), allowNull: false }, // all_or_nothing | good_rows
    status: { type: DataTypes.STRING(16), allowNull: false }, // running | failed | done
    total_rows: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    processed_rows: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    error_count: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    errors: { type: longText, allowNull: true }, // JSON array of row errors
    buildings_created: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    rooms_created: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    rooms_updated: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    rooms_unchanged: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    created_by: ref('users', true, 'SET NULL'),
    created_at: createdAt,
    finished_at: optional(DataTypes.DATE(3)),
  });
  await qi.addIndex('survey_imports', ['project_id', 'created_at']);

  // 政策法规 / 通知公告 / 购房须知 and the video, published by regulators (NF-010).
  await qi.createTable('contents', {
    id,
    channel: { type: DataTypes.STRING(16), allowNull: false }, // policy | notice | guide
    section: { type: DataTypes.STRING(16), allowNull: false }, // new_home | second_hand | property
    category: optional(DataTypes.STRING(32)), // guide topics: purchase_policy, land_use, …
    title: { type: DataTypes.STRING(200), allowNull: false },
    summary: optional(DataTypes.STRING(500)),
    body: { type: longText, allowNull: false },
    issuer: optional(DataTypes.STRING(100)), // 发布机关
    doc_no: optional(DataTypes.STRING(100)), // 文号
    video_file_id: optional(DataTypes.STRING(36)),
    attachment_ids: { type: DataTypes.STRING(1000), allowNull: false, defaultValue: '' },
    community_id: ref('communities', true, 'SET NULL'),
    status: { type: DataTypes.STRING(16), allowNull: false }, // draft | scheduled | published | withdrawn
    publish_at: optional(DataTypes.DATE(3)),
    published_at: optional(DataTypes.DATE(3)),
    withdrawn_at: optional(DataTypes.DATE(3)),
    withdraw_reason: optional(DataTypes.STRING(300)),
    version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
    created_by: ref('users', true, 'SET NULL'),
    updated_by: ref('users', true, 'SET NULL'),
    created_at: createdAt,
    updated_at: createdAt,
  });
  await qi.addIndex('contents', ['channel', 'section', 'status', 'publish_at']);
}

export async function down({ qi }: MigrationContext): Promise<void> {
  for (const t of ['contents', 'survey_imports', 'progress_reports', 'presale_permits', 'room_events']) await qi.dropTable(t);
  await qi.removeIndex('projects', ['lng', 'lat']);
  await qi.removeIndex('projects', ['district']);
  await qi.removeIndex('buildings', 'buildings_project_building_no');
  for (const name of Object.keys(ROOM_COLUMNS)) await qi.removeColumn('rooms', name);
  for (const name of Object.keys(BUILDING_COLUMNS)) await qi.removeColumn('buildings', name);
  for (const name of Object.keys(PROJECT_COLUMNS)) await qi.removeColumn('projects', name);
}
