// Applications, their form versions, the actions taken on them, and in-app notifications.
import {
  DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize,
} from 'sequelize';
import type { ApplicationStatus, WorkflowAction } from '@hq/common';

export class Application extends Model<InferAttributes<Application>, InferCreationAttributes<Application>> {
  declare id: CreationOptional<number>;
  declare type: string;
  declare app_no: CreationOptional<string | null>;
  declare title: string;
  declare org_id: number;
  declare project_id: number | null;
  declare created_by: number | null;
  declare status: ApplicationStatus;
  declare step: CreationOptional<number>;
  declare step_roles: CreationOptional<string>;
  declare version_no: CreationOptional<number>;
  declare lock_version: CreationOptional<number>;
  declare deadline_at: CreationOptional<Date | null>;
  declare submitted_at: CreationOptional<Date | null>;
  declare decided_at: CreationOptional<Date | null>;
  declare result_type: CreationOptional<string | null>;
  declare result_id: CreationOptional<number | null>;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;
}

export class ApplicationVersion extends Model<InferAttributes<ApplicationVersion>, InferCreationAttributes<ApplicationVersion>> {
  declare id: CreationOptional<number>;
  declare application_id: number;
  declare version_no: number;
  declare form: string;
  declare attachments: string;
  declare created_by: number | null;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;
}

export class ApplicationAction extends Model<InferAttributes<ApplicationAction>, InferCreationAttributes<ApplicationAction>> {
  declare id: CreationOptional<number>;
  declare application_id: number;
  declare seq: number;
  declare action: WorkflowAction;
  declare from_status: ApplicationStatus;
  declare from_step: number;
  declare to_status: ApplicationStatus;
  declare to_step: number;
  declare step_label: string | null;
  declare actor_user_id: number | null;
  declare actor_name: string | null;
  declare actor_role: string | null;
  declare opinion: string | null;
  declare attachment_ids: CreationOptional<string>;
  declare version_no: number;
  declare created_at: CreationOptional<Date>;
}

export class Notification extends Model<InferAttributes<Notification>, InferCreationAttributes<Notification>> {
  declare id: CreationOptional<number>;
  declare user_id: number | null;
  declare role: string | null;
  declare org_id: number | null;
  declare kind: string;
  declare title: string;
  declare body: string | null;
  declare link: string | null;
  declare read_at: CreationOptional<Date | null>;
  declare created_at: CreationOptional<Date>;
}

const ts = () => ({ type: DataTypes.DATE(3), allowNull: false, defaultValue: DataTypes.NOW });

export function initWorkflowModels(sequelize: Sequelize): void {
  Application.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      type: { type: DataTypes.STRING(32), allowNull: false },
      app_no: DataTypes.STRING(32),
      title: { type: DataTypes.STRING(200), allowNull: false },
      org_id: { type: DataTypes.INTEGER, allowNull: false },
      project_id: DataTypes.INTEGER,
      created_by: DataTypes.INTEGER,
      status: { type: DataTypes.STRING(16), allowNull: false },
      step: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      step_roles: { type: DataTypes.STRING(200), allowNull: false, defaultValue: '' },
      version_no: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
      lock_version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      deadline_at: DataTypes.DATE(3),
      submitted_at: DataTypes.DATE(3),
      decided_at: DataTypes.DATE(3),
      result_type: DataTypes.STRING(32),
      result_id: DataTypes.INTEGER,
      created_at: ts(),
      updated_at: ts(),
    },
    { sequelize, tableName: 'applications' },
  );
  ApplicationVersion.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      application_id: { type: DataTypes.INTEGER, allowNull: false },
      version_no: { type: DataTypes.INTEGER, allowNull: false },
      form: { type: DataTypes.TEXT, allowNull: false },
      attachments: { type: DataTypes.TEXT, allowNull: false },
      created_by: DataTypes.INTEGER,
      created_at: ts(),
      updated_at: ts(),
    },
    { sequelize, tableName: 'application_versions' },
  );
  ApplicationAction.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      application_id: { type: DataTypes.INTEGER, allowNull: false },
      seq: { type: DataTypes.INTEGER, allowNull: false },
      action: { type: DataTypes.STRING(16), allowNull: false },
      from_status: { type: DataTypes.STRING(16), allowNull: false },
      from_step: { type: DataTypes.INTEGER, allowNull: false },
      to_status: { type: DataTypes.STRING(16), allowNull: false },
      to_step: { type: DataTypes.INTEGER, allowNull: false },
      step_label: DataTypes.STRING(32),
      actor_user_id: DataTypes.INTEGER,
      actor_name: DataTypes.STRING(100),
      actor_role: DataTypes.STRING(32),
      opinion: DataTypes.STRING(2000),
      attachment_ids: { type: DataTypes.STRING(1000), allowNull: false, defaultValue: '' },
      version_no: { type: DataTypes.INTEGER, allowNull: false },
      created_at: ts(),
    },
    { sequelize, tableName: 'application_actions' },
  );
  Notification.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      user_id: DataTypes.INTEGER,
      role: DataTypes.STRING(32),
      org_id: DataTypes.INTEGER,
      kind: { type: DataTypes.STRING(32), allowNull: false },
      title: { type: DataTypes.STRING(200), allowNull: false },
      body: DataTypes.STRING(1000),
      link: DataTypes.STRING(300),
      read_at: DataTypes.DATE(3),
      created_at: ts(),
    },
    { sequelize, tableName: 'notifications' },
  );
}
