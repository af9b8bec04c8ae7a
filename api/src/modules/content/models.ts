// 政策法规 / 通知公告 / 购房须知 published by regulators (NF-010).
import {
  DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize,
} from 'sequelize';

export class Content extends Model<InferAttributes<Content>, InferCreationAttributes<Content>> {
  declare id: CreationOptional<number>;
  declare channel: string; // policy | notice | guide
  declare section: string; // new_home | second_hand | property
  declare category: string | null;
  declare title: string;
  declare summary: string | null;
  declare body: string;
  declare issuer: string | null;
  declare doc_no: string | null;
  declare video_file_id: string | null;
  declare attachment_ids: CreationOptional<string>;
  declare community_id: number | null;
  declare status: string; // draft | scheduled | published | withdrawn
  declare publish_at: Date | null;
  declare published_at: Date | null;
  declare withdrawn_at: CreationOptional<Date | null>;
  declare withdraw_reason: CreationOptional<string | null>;
  declare version: CreationOptional<number>;
  declare created_by: number | null;
  declare updated_by: number | null;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;
}

const ts = () => ({ type: DataTypes.DATE(3), allowNull: false, defaultValue: DataTypes.NOW });

export function initContentModels(sequelize: Sequelize): void {
  Content.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      channel: { type: DataTypes.STRING(16), allowNull: false },
      section: { type: DataTypes.STRING(16), allowNull: false },
      category: DataTypes.STRING(32),
      title: { type: DataTypes.STRING(200), allowNull: false },
      summary: DataTypes.STRING(500),
      body: { type: DataTypes.TEXT('long'), allowNull: false },
      issuer: DataTypes.STRING(100),
      doc_no: DataTypes.STRING(100),
      video_file_id: DataTypes.STRING(36),
      attachment_ids: { type: DataTypes.STRING(1000), allowNull: false, defaultValue: '' },
      community_id: DataTypes.INTEGER,
      status: { type: DataTypes.STRING(16), allowNull: false },
      publish_at: DataTypes.DATE(3),
      published_at: DataTypes.DATE(3),
      withdrawn_at: DataTypes.DATE(3),
      withdraw_reason: DataTypes.STRING(300),
      version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
      created_by: DataTypes.INTEGER,
      updated_by: DataTypes.INTEGER,
      created_at: ts(),
      updated_at: ts(),
    },
    { sequelize, tableName: 'contents' },
  );
}
