// The real-estate spine: project → building (单体) → room (户). Areas in 0.01 m², money in fen.
import {
  DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize,
} from 'sequelize';

export class Project extends Model<InferAttributes<Project>, InferCreationAttributes<Project>> {
  declare id: CreationOptional<number>;
  declare developer_org_id: number;
  declare name: string;
  declare filed_name: string | null; // 备案名
  declare marketing_name: string | null; // 推广名
  declare parcel_code: string | null; // 宗地代码
  declare address: string;
  declare district: string;
  declare lng: number | null; // GCJ-02
  declare lat: number | null;
  declare land_area: number | null;
  declare planned_floor_area: number | null;
  declare status: CreationOptional<string>;
  declare land_use: CreationOptional<string | null>;
  declare planned_use: CreationOptional<string | null>;
  declare land_term_start: CreationOptional<string | null>;
  declare land_term_end: CreationOptional<string | null>;
  declare plot_ratio: CreationOptional<number | null>;
  declare greening_rate: CreationOptional<number | null>;
  declare land_cert_no: CreationOptional<string | null>;
  declare planning_permit_no: CreationOptional<string | null>;
  declare construction_permit_no: CreationOptional<string | null>;
  declare delivery_date: CreationOptional<string | null>;
  /** Bumped with every room event and edit in the project; public caches revalidate against it. */
  declare version: CreationOptional<number>;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;
}

export class Building extends Model<InferAttributes<Building>, InferCreationAttributes<Building>> {
  declare id: CreationOptional<number>;
  declare project_id: number;
  declare building_no: string; // 幢号
  declare survey_no: string | null; // 测绘单体号
  declare structure: string | null;
  declare use: string;
  declare floors_total: number;
  declare floors_built: number;
  declare floors_underground: number;
  declare address: string | null;
  declare total_area: number;
  declare base_area: number | null;
  declare presale_room_count: number;
  /** Bumped with every room event and edit in the building. */
  declare version: CreationOptional<number>;
  declare progress_node: CreationOptional<string | null>;
  declare progress_floors: CreationOptional<number | null>;
  declare progress_at: CreationOptional<Date | null>;
  declare created_at: CreationOptional<Date>;
}

export class Room extends Model<InferAttributes<Room>, InferCreationAttributes<Room>> {
  declare id: CreationOptional<number>;
  declare building_id: number;
  declare project_id: number;
  declare unit_number: string; // 不动产单元号
  declare unit_name: string | null;
  declare floor: number;
  declare room_no: string;
  declare use: string;
  declare office_subtype: string | null;
  declare build_area: number;
  declare inner_area: number;
  declare shared_area: number;
  declare floor_height: number | null;
  declare filed_unit_price: number | null;
  declare filed_total_price: number | null;
  declare fitout: boolean;
  declare sale_status: string;
  declare flags: string; // comma-separated flag codes; the building-table bus owns changes
  declare event_seq: CreationOptional<number>;
  declare updated_at: CreationOptional<Date>;
}

/** 楼盘表总线: one change of one room's sale status or flags. */
export class RoomEvent extends Model<InferAttributes<RoomEvent>, InferCreationAttributes<RoomEvent>> {
  declare id: CreationOptional<number>;
  declare room_id: number;
  declare building_id: number;
  declare project_id: number;
  declare seq: number;
  declare kind: 'created' | 'status' | 'flag_on' | 'flag_off';
  declare value: string;
  declare before_status: string | null;
  declare before_flags: string | null;
  declare after_status: string;
  declare after_flags: string;
  declare source: string;
  declare reference: string | null;
  declare reason: string | null;
  declare actor_user_id: number | null;
  declare actor_name: string | null;
  declare created_at: CreationOptional<Date>;
}

export class PresalePermit extends Model<InferAttributes<PresalePermit>, InferCreationAttributes<PresalePermit>> {
  declare id: CreationOptional<number>;
  declare project_id: number;
  declare permit_no: string;
  declare authority: string;
  declare year: number;
  declare seq: number;
  declare kind: CreationOptional<'presale' | 'completed'>;
  declare building_ids: string;
  declare room_count: number;
  declare area: number;
  declare issued_on: string;
  declare status: CreationOptional<string>;
  declare licence_id: CreationOptional<string | null>;
  declare sealed_at: CreationOptional<Date | null>;
  declare application_id: CreationOptional<number | null>;
  declare bank_org_id: CreationOptional<number | null>;
  declare account_no: CreationOptional<string | null>;
  declare valid_until: CreationOptional<string | null>;
  declare changed_at: CreationOptional<Date | null>;
  declare created_at: CreationOptional<Date>;
}

export class ProgressReport extends Model<InferAttributes<ProgressReport>, InferCreationAttributes<ProgressReport>> {
  declare id: CreationOptional<number>;
  declare project_id: number;
  declare building_id: number;
  declare node: string;
  declare floors_done: number | null;
  declare reported_on: string;
  declare description: string | null;
  declare photo_ids: string;
  declare reported_by: number | null;
  declare created_at: CreationOptional<Date>;
}

export class SurveyImport extends Model<InferAttributes<SurveyImport>, InferCreationAttributes<SurveyImport>> {
  declare id: CreationOptional<number>;
  declare project_id: number;
  declare source: 'xlsx' | 'json';
  declare file_id: string | null;
  declare content_hash: string;
  declare mode: 'all_or_nothing' | 'good_rows';
  declare status: 'running' | 'failed' | 'done';
  declare total_rows: CreationOptional<number>;
  declare processed_rows: CreationOptional<number>;
  declare error_count: CreationOptional<number>;
  declare errors: CreationOptional<string | null>;
  declare buildings_created: CreationOptional<number>;
  declare rooms_created: CreationOptional<number>;
  declare rooms_updated: CreationOptional<number>;
  declare rooms_unchanged: CreationOptional<number>;
  declare created_by: number | null;
  declare created_at: CreationOptional<Date>;
  declare finished_at: CreationOptional<Date | null>;
}

const ts = () => ({ type: DataTypes.DATE(3), allowNull: false, defaultValue: DataTypes.NOW });

export function initRealEstateModels(sequelize: Sequelize): void {
  Project.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      developer_org_id: { type: DataTypes.INTEGER, allowNull: false },
      name: { type: DataTypes.STRING(200), allowNull: false },
      filed_name: DataTypes.STRING(200),
      marketing_name: DataTypes.STRING(200),
      parcel_code: DataTypes.STRING(19),
      address: { type: DataTypes.STRING(300), allowNull: false },
      district: { type: DataTypes.STRING(64), allowNull: false },
      lng: DataTypes.DOUBLE,
      lat: DataTypes.DOUBLE,
      land_area: DataTypes.BIGINT,
      planned_floor_area: DataTypes.BIGINT,
      status: { type: DataTypes.STRING(16), defaultValue: 'selling' },
      land_use: DataTypes.STRING(64),
      planned_use: DataTypes.STRING(64),
      land_term_start: DataTypes.STRING(10),
      land_term_end: DataTypes.STRING(10),
      plot_ratio: DataTypes.INTEGER,
      greening_rate: DataTypes.INTEGER,
      land_cert_no: DataTypes.STRING(64),
      planning_permit_no: DataTypes.STRING(64),
      construction_permit_no: DataTypes.STRING(64),
      delivery_date: DataTypes.STRING(10),
      version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      created_at: ts(),
      updated_at: ts(),
    },
    { sequelize, tableName: 'projects' },
  );
  Building.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      project_id: { type: DataTypes.INTEGER, allowNull: false },
      building_no: { type: DataTypes.STRING(32), allowNull: false },
      survey_no: DataTypes.STRING(32),
      structure: DataTypes.STRING(32),
      use: { type: DataTypes.STRING(16), allowNull: false },
      floors_total: { type: DataTypes.INTEGER, allowNull: false },
      floors_built: { type: DataTypes.INTEGER, allowNull: false },
      floors_underground: { type: DataTypes.INTEGER, allowNull: false },
      address: DataTypes.STRING(300),
      total_area: { type: DataTypes.BIGINT, allowNull: false },
      base_area: DataTypes.BIGINT,
      presale_room_count: { type: DataTypes.INTEGER, allowNull: false },
      version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      progress_node: DataTypes.STRING(32),
      progress_floors: DataTypes.INTEGER,
      progress_at: DataTypes.DATE(3),
      created_at: ts(),
    },
    { sequelize, tableName: 'buildings' },
  );
  Room.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      building_id: { type: DataTypes.INTEGER, allowNull: false },
      project_id: { type: DataTypes.INTEGER, allowNull: false },
      unit_number: { type: DataTypes.STRING(28), allowNull: false },
      unit_name: DataTypes.STRING(16),
      floor: { type: DataTypes.INTEGER, allowNull: false },
      room_no: { type: DataTypes.STRING(16), allowNull: false },
      use: { type: DataTypes.STRING(16), allowNull: false },
      office_subtype: DataTypes.STRING(16),
      build_area: { type: DataTypes.INTEGER, allowNull: false },
      inner_area: { type: DataTypes.INTEGER, allowNull: false },
      shared_area: { type: DataTypes.INTEGER, allowNull: false },
      floor_height: DataTypes.INTEGER,
      filed_unit_price: DataTypes.BIGINT,
      filed_total_price: DataTypes.BIGINT,
      fitout: { type: DataTypes.BOOLEAN, allowNull: false },
      sale_status: { type: DataTypes.STRING(16), allowNull: false },
      flags: { type: DataTypes.STRING(200), allowNull: false, defaultValue: '' },
      event_seq: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      updated_at: ts(),
    },
    { sequelize, tableName: 'rooms' },
  );
  RoomEvent.init(
    {
      id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true },
      room_id: { type: DataTypes.INTEGER, allowNull: false },
      building_id: { type: DataTypes.INTEGER, allowNull: false },
      project_id: { type: DataTypes.INTEGER, allowNull: false },
      seq: { type: DataTypes.INTEGER, allowNull: false },
      kind: { type: DataTypes.STRING(16), allowNull: false },
      value: { type: DataTypes.STRING(200), allowNull: false },
      before_status: DataTypes.STRING(16),
      before_flags: DataTypes.STRING(200),
      after_status: { type: DataTypes.STRING(16), allowNull: false },
      after_flags: { type: DataTypes.STRING(200), allowNull: false },
      source: { type: DataTypes.STRING(32), allowNull: false },
      reference: DataTypes.STRING(100),
      reason: DataTypes.STRING(300),
      actor_user_id: DataTypes.INTEGER,
      actor_name: DataTypes.STRING(100),
      created_at: ts(),
    },
    { sequelize, tableName: 'room_events' },
  );
  PresalePermit.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      project_id: { type: DataTypes.INTEGER, allowNull: false },
      permit_no: { type: DataTypes.STRING(64), allowNull: false },
      authority: { type: DataTypes.STRING(32), allowNull: false },
      year: { type: DataTypes.INTEGER, allowNull: false },
      seq: { type: DataTypes.INTEGER, allowNull: false },
      kind: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'presale' },
      building_ids: { type: DataTypes.STRING(500), allowNull: false },
      room_count: { type: DataTypes.INTEGER, allowNull: false },
      area: { type: DataTypes.BIGINT, allowNull: false },
      issued_on: { type: DataTypes.STRING(10), allowNull: false },
      status: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'valid' },
      licence_id: DataTypes.STRING(100),
      sealed_at: DataTypes.DATE(3),
      application_id: DataTypes.INTEGER,
      bank_org_id: DataTypes.INTEGER,
      account_no: DataTypes.STRING(40),
      valid_until: DataTypes.STRING(10),
      changed_at: DataTypes.DATE(3),
      created_at: ts(),
    },
    { sequelize, tableName: 'presale_permits' },
  );
  ProgressReport.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      project_id: { type: DataTypes.INTEGER, allowNull: false },
      building_id: { type: DataTypes.INTEGER, allowNull: false },
      node: { type: DataTypes.STRING(32), allowNull: false },
      floors_done: DataTypes.INTEGER,
      reported_on: { type: DataTypes.STRING(10), allowNull: false },
      description: DataTypes.STRING(1000),
      photo_ids: { type: DataTypes.STRING(1000), allowNull: false, defaultValue: '' },
      reported_by: DataTypes.INTEGER,
      created_at: ts(),
    },
    { sequelize, tableName: 'progress_reports' },
  );
  SurveyImport.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      project_id: { type: DataTypes.INTEGER, allowNull: false },
      source: { type: DataTypes.STRING(16), allowNull: false },
      file_id: DataTypes.STRING(36),
      content_hash: { type: DataTypes.STRING(64), allowNull: false },
      mode: { type: DataTypes.STRING(16), allowNull: false },
      status: { type: DataTypes.STRING(16), allowNull: false },
      total_rows: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      processed_rows: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      error_count: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      errors: DataTypes.TEXT('long'),
      buildings_created: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      rooms_created: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      rooms_updated: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      rooms_unchanged: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      created_by: DataTypes.INTEGER,
      created_at: ts(),
      finished_at: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'survey_imports' },
  );
}
