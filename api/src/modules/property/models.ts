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
      created_at: ts(),
    },
    { sequelize, tableName: 'house_owners' },
  );
}
