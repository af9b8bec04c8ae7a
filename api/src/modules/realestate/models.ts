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
  declare updated_at: CreationOptional<Date>;
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
      updated_at: ts(),
    },
    { sequelize, tableName: 'rooms' },
  );
}
