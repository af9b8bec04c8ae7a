// Communities (小区) built from real-estate projects, and who lives in which house.
import {
  DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize,
} from 'sequelize';

export class Community extends Model<InferAttributes<Community>, InferCreationAttributes<Community>> {
  declare id: CreationOptional<number>;
  declare project_id: number | null;
  declare name: string;
  declare address: string;
  declare district: string;
  declare property_org_id: number | null;
  declare committee_org_id: number | null;
  declare street_office: string | null;
  declare street_org_id: CreationOptional<number | null>;
  declare houses: CreationOptional<number>;
  declare registered_houses: CreationOptional<number>;
  declare synced_at: CreationOptional<Date | null>;
  declare lng: number | null;
  declare lat: number | null;
  declare created_at: CreationOptional<Date>;
}

export class HouseOwner extends Model<InferAttributes<HouseOwner>, InferCreationAttributes<HouseOwner>> {
  declare id: CreationOptional<number>;
  declare room_id: number;
  declare user_id: number;
  declare relation: 'owner' | 'tenant' | 'family';
  declare verified_at: Date | null;
  /** The owner who added a tenant or family member. */
  declare added_by: CreationOptional<number | null>;
  declare valid_until: CreationOptional<string | null>;
  /** The 不动产权证号 that verified an owner. */
  declare cert_no: CreationOptional<string | null>;
  declare created_at: CreationOptional<Date>;
}

/** A household member the owner added by phone number; bound when that person logs in. */
export class HouseMember extends Model<InferAttributes<HouseMember>, InferCreationAttributes<HouseMember>> {
  declare id: CreationOptional<number>;
  declare room_id: number;
  declare owner_user_id: number;
  declare name: string;
  declare phone_enc: string;
  declare phone_hash: string;
  declare relation: 'tenant' | 'family';
  declare valid_until: string | null;
  declare bound_user_id: CreationOptional<number | null>;
  declare removed_at: CreationOptional<Date | null>;
  declare created_at: CreationOptional<Date>;
}

export class HouseVerification extends Model<InferAttributes<HouseVerification>, InferCreationAttributes<HouseVerification>> {
  declare id: CreationOptional<number>;
  declare user_id: number;
  declare cert_no: string;
  declare room_id: number | null;
  declare ok: boolean;
  declare reason: string | null;
  declare message: string;
  declare created_at: CreationOptional<Date>;
}

/** The registry simulator's titles (不动产权证). Only the simulator reads or writes these. */
export class SimRegistryTitle extends Model<InferAttributes<SimRegistryTitle>, InferCreationAttributes<SimRegistryTitle>> {
  declare id: CreationOptional<number>;
  declare cert_no: string;
  declare room_id: number;
  declare owner_name: string;
  declare owner_id_hash: string;
  declare registered_on: string;
  declare status: CreationOptional<'valid' | 'cancelled' | 'seized'>;
  declare created_at: CreationOptional<Date>;
}

const ts = () => ({ type: DataTypes.DATE(3), allowNull: false, defaultValue: DataTypes.NOW });

export function initPropertyModels(sequelize: Sequelize): void {
  Community.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      project_id: DataTypes.INTEGER,
      name: { type: DataTypes.STRING(200), allowNull: false },
      address: { type: DataTypes.STRING(300), allowNull: false },
      district: { type: DataTypes.STRING(64), allowNull: false },
      property_org_id: DataTypes.INTEGER,
      committee_org_id: DataTypes.INTEGER,
      street_office: DataTypes.STRING(100),
      street_org_id: DataTypes.INTEGER,
      houses: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      registered_houses: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      synced_at: DataTypes.DATE(3),
      lng: DataTypes.DOUBLE,
      lat: DataTypes.DOUBLE,
      created_at: ts(),
    },
    { sequelize, tableName: 'communities' },
  );
  HouseOwner.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      room_id: { type: DataTypes.INTEGER, allowNull: false },
      user_id: { type: DataTypes.INTEGER, allowNull: false },
      relation: { type: DataTypes.STRING(16), allowNull: false, validate: { isIn: [['owner', 'tenant', 'family']] } },
      verified_at: DataTypes.DATE(3),
      added_by: DataTypes.INTEGER,
      valid_until: DataTypes.STRING(10),
      cert_no: DataTypes.STRING(64),
      created_at: ts(),
    },
    { sequelize, tableName: 'house_owners' },
  );
  HouseMember.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      room_id: { type: DataTypes.INTEGER, allowNull: false },
      owner_user_id: { type: DataTypes.INTEGER, allowNull: false },
      name: { type: DataTypes.STRING(50), allowNull: false },
      phone_enc: { type: DataTypes.STRING(200), allowNull: false },
      phone_hash: { type: DataTypes.STRING(64), allowNull: false },
      relation: { type: DataTypes.STRING(16), allowNull: false },
      valid_until: DataTypes.STRING(10),
      bound_user_id: DataTypes.INTEGER,
      removed_at: DataTypes.DATE(3),
      created_at: ts(),
    },
    { sequelize, tableName: 'house_members' },
  );
  HouseVerification.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      user_id: { type: DataTypes.INTEGER, allowNull: false },
      cert_no: { type: DataTypes.STRING(64), allowNull: false },
      room_id: DataTypes.INTEGER,
      ok: { type: DataTypes.BOOLEAN, allowNull: false },
      reason: DataTypes.STRING(32),
      message: { type: DataTypes.STRING(200), allowNull: false },
      created_at: ts(),
    },
    { sequelize, tableName: 'house_verifications' },
  );
  SimRegistryTitle.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      cert_no: { type: DataTypes.STRING(64), allowNull: false, unique: true },
      room_id: { type: DataTypes.INTEGER, allowNull: false },
      owner_name: { type: DataTypes.STRING(50), allowNull: false },
      owner_id_hash: { type: DataTypes.STRING(64), allowNull: false },
      registered_on: { type: DataTypes.STRING(10), allowNull: false },
      status: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'valid' },
      created_at: ts(),
    },
    { sequelize, tableName: 'sim_registry_titles' },
  );
}
