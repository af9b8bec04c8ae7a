// 赋码 models: rules per family, counters per family and scope, and every code issued.
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { CodeFamily, CodeIssueStatus, CodeScope } from '@hq/common';

export class CodeRule extends Model<InferAttributes<CodeRule>, InferCreationAttributes<CodeRule>> {
  declare family: CodeFamily;
  declare prefix: string;
  declare template: string;
  declare scope: CodeScope;
  declare updated_at: CreationOptional<Date>;
  declare updated_by: CreationOptional<number | null>;
}

export class CodeCounter extends Model<InferAttributes<CodeCounter>, InferCreationAttributes<CodeCounter>> {
  declare family: CodeFamily;
  declare scope_key: string;
  declare last_seq: number;
  declare updated_at: CreationOptional<Date>;
}

export class CodeIssue extends Model<InferAttributes<CodeIssue>, InferCreationAttributes<CodeIssue>> {
  declare id: CreationOptional<number>;
  declare family: CodeFamily;
  declare scope_key: string;
  declare seq: number;
  declare code: string;
  declare object_type: string;
  declare object_id: string;
  declare status: CreationOptional<CodeIssueStatus>;
  declare issued_at: Date;
  declare cancelled_at: CreationOptional<Date | null>;
  declare cancelled_by: CreationOptional<number | null>;
  declare cancel_reason: CreationOptional<string | null>;
}

const ts = () => ({ type: DataTypes.DATE(3), allowNull: false, defaultValue: DataTypes.NOW });

export function initCodeModels(sequelize: Sequelize): void {
  CodeRule.init(
    {
      family: { type: DataTypes.STRING(32), primaryKey: true },
      prefix: { type: DataTypes.STRING(32), allowNull: false, defaultValue: '' },
      template: { type: DataTypes.STRING(100), allowNull: false },
      scope: { type: DataTypes.STRING(16), allowNull: false, validate: { isIn: [['year', 'year_month', 'never']] } },
      updated_at: ts(),
      updated_by: DataTypes.INTEGER,
    },
    { sequelize, tableName: 'code_rules' },
  );
  CodeCounter.init(
    {
      family: { type: DataTypes.STRING(32), primaryKey: true },
      scope_key: { type: DataTypes.STRING(16), primaryKey: true },
      last_seq: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      updated_at: ts(),
    },
    { sequelize, tableName: 'code_counters' },
  );
  CodeIssue.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      family: { type: DataTypes.STRING(32), allowNull: false },
      scope_key: { type: DataTypes.STRING(16), allowNull: false },
      seq: { type: DataTypes.INTEGER, allowNull: false },
      code: { type: DataTypes.STRING(64), allowNull: false },
      object_type: { type: DataTypes.STRING(32), allowNull: false },
      object_id: { type: DataTypes.STRING(64), allowNull: false },
      status: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'issued', validate: { isIn: [['issued', 'cancelled']] } },
      issued_at: { type: DataTypes.DATE(3), allowNull: false },
      cancelled_at: DataTypes.DATE(3),
      cancelled_by: DataTypes.INTEGER,
      cancel_reason: DataTypes.STRING(300),
    },
    { sequelize, tableName: 'code_issues' },
  );
}
