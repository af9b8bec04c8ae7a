// Platform models: organisations, people, roles, sessions, audit, files, calendar.
import {
  DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize,
} from 'sequelize';
import type { Role, OrgKind, CalendarDayKind } from '@hq/common';

export class Org extends Model<InferAttributes<Org>, InferCreationAttributes<Org>> {
  declare id: CreationOptional<number>;
  declare kind: OrgKind;
  declare name: string;
  declare uscc: string | null; // 统一社会信用代码
  declare legal_rep: CreationOptional<string | null>;
  declare address: CreationOptional<string | null>;
  declare status: CreationOptional<string>;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;
}

export class User extends Model<InferAttributes<User>, InferCreationAttributes<User>> {
  declare id: CreationOptional<number>;
  declare username: CreationOptional<string | null>;
  declare password_hash: CreationOptional<string | null>;
  declare display_name: string;
  declare org_id: CreationOptional<number | null>;
  declare status: CreationOptional<'active' | 'disabled'>;
  declare must_change_password: CreationOptional<boolean>;
  declare password_changed_at: CreationOptional<Date | null>;
  declare failed_logins: CreationOptional<number>;
  declare locked_until: CreationOptional<Date | null>;
  declare totp_secret_enc: CreationOptional<string | null>;
  declare totp_enrolled_at: CreationOptional<Date | null>;
  declare totp_last_step: CreationOptional<number | null>;
  declare wechat_openid: CreationOptional<string | null>;
  declare wechat_unionid: CreationOptional<string | null>;
  declare gdid_sub: CreationOptional<string | null>;
  declare real_name_verified_at: CreationOptional<Date | null>;
  declare phone_enc: CreationOptional<string | null>;
  declare phone_hash: CreationOptional<string | null>;
  declare id_type: CreationOptional<string | null>;
  declare id_no_enc: CreationOptional<string | null>;
  declare id_no_hash: CreationOptional<string | null>;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;
}

export class UserRole extends Model<InferAttributes<UserRole>, InferCreationAttributes<UserRole>> {
  declare user_id: number;
  declare role: Role;
}

export class Session extends Model<InferAttributes<Session>, InferCreationAttributes<Session>> {
  declare id: string;
  declare user_id: number;
  declare kind: 'web' | 'miniapp';
  declare created_at: Date;
  declare last_seen_at: Date;
  declare expires_at: Date;
  declare revoked_at: CreationOptional<Date | null>;
  declare revoke_reason: CreationOptional<string | null>;
  declare ip: CreationOptional<string | null>;
  declare user_agent: CreationOptional<string | null>;
}

export class RefreshToken extends Model<InferAttributes<RefreshToken>, InferCreationAttributes<RefreshToken>> {
  declare id: CreationOptional<number>;
  declare session_id: string;
  declare token_hash: string;
  declare created_at: Date;
  declare expires_at: Date;
  declare used_at: CreationOptional<Date | null>;
}

export class OidcLogin extends Model<InferAttributes<OidcLogin>, InferCreationAttributes<OidcLogin>> {
  declare state: string;
  declare verifier: string;
  declare nonce: string;
  declare mode: 'login' | 'bind';
  declare user_id: number | null;
  declare return_to: string | null;
  declare ticket_hash: CreationOptional<string | null>;
  declare result_user_id: CreationOptional<number | null>;
  declare created_at: Date;
  declare completed_at: CreationOptional<Date | null>;
  declare used_at: CreationOptional<Date | null>;
}

export class AuditLog extends Model<InferAttributes<AuditLog>, InferCreationAttributes<AuditLog>> {
  declare seq: number;
  declare at: Date;
  declare actor_id: number | null;
  declare actor_name: string | null;
  declare actor_role: string | null;
  declare action: string;
  declare object_type: string | null;
  declare object_id: string | null;
  declare result: 'success' | 'failure' | 'denied';
  declare ip: string | null;
  declare request_id: string | null;
  declare detail: string | null;
  declare prev_hash: string;
  declare hash: string;
}

export class AuditHead extends Model<InferAttributes<AuditHead>, InferCreationAttributes<AuditHead>> {
  declare id: number;
  declare seq: number;
  declare hash: string;
}

export class FileObject extends Model<InferAttributes<FileObject>, InferCreationAttributes<FileObject>> {
  declare id: string;
  declare owner_user_id: number | null;
  declare org_id: number | null;
  declare name: string;
  declare mime: string;
  declare kind: 'image' | 'pdf' | 'office' | 'video';
  declare size: number;
  declare sha256: string;
  declare storage_key: string;
  declare public_key: string | null;
  declare thumb_key: string | null;
  declare location: string | null;
  declare visibility: CreationOptional<'private' | 'public'>;
  declare created_at: Date;
}

export class CalendarDay extends Model<InferAttributes<CalendarDay>, InferCreationAttributes<CalendarDay>> {
  declare date: string;
  declare kind: CalendarDayKind;
  declare name: string;
  declare updated_by: number | null;
  declare updated_at: Date;
}

const ts = () => ({ type: DataTypes.DATE(3), allowNull: false, defaultValue: DataTypes.NOW });

export function initPlatformModels(sequelize: Sequelize): void {
  Org.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      kind: { type: DataTypes.STRING(32), allowNull: false },
      name: { type: DataTypes.STRING(200), allowNull: false },
      uscc: DataTypes.STRING(18),
      legal_rep: DataTypes.STRING(100),
      address: DataTypes.STRING(300),
      status: { type: DataTypes.STRING(16), defaultValue: 'active' },
      created_at: ts(),
      updated_at: ts(),
    },
    { sequelize, tableName: 'orgs' },
  );
  User.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      username: DataTypes.STRING(64),
      password_hash: DataTypes.STRING(200),
      display_name: { type: DataTypes.STRING(100), allowNull: false },
      org_id: DataTypes.INTEGER,
      status: { type: DataTypes.STRING(16), defaultValue: 'active' },
      must_change_password: { type: DataTypes.BOOLEAN, defaultValue: false },
      password_changed_at: DataTypes.DATE(3),
      failed_logins: { type: DataTypes.INTEGER, defaultValue: 0 },
      locked_until: DataTypes.DATE(3),
      totp_secret_enc: DataTypes.STRING(200),
      totp_enrolled_at: DataTypes.DATE(3),
      totp_last_step: DataTypes.BIGINT,
      wechat_openid: DataTypes.STRING(64),
      wechat_unionid: DataTypes.STRING(64),
      gdid_sub: DataTypes.STRING(128),
      real_name_verified_at: DataTypes.DATE(3),
      phone_enc: DataTypes.STRING(200),
      phone_hash: DataTypes.STRING(64),
      id_type: DataTypes.STRING(24),
      id_no_enc: DataTypes.STRING(200),
      id_no_hash: DataTypes.STRING(64),
      created_at: ts(),
      updated_at: ts(),
    },
    { sequelize, tableName: 'users' },
  );
  UserRole.init(
    {
      user_id: { type: DataTypes.INTEGER, primaryKey: true },
      role: { type: DataTypes.STRING(32), primaryKey: true },
    },
    { sequelize, tableName: 'user_roles' },
  );
  Session.init(
    {
      id: { type: DataTypes.STRING(36), primaryKey: true },
      user_id: { type: DataTypes.INTEGER, allowNull: false },
      kind: { type: DataTypes.STRING(16), allowNull: false },
      created_at: ts(),
      last_seen_at: ts(),
      expires_at: { type: DataTypes.DATE(3), allowNull: false },
      revoked_at: DataTypes.DATE(3),
      revoke_reason: DataTypes.STRING(32),
      ip: DataTypes.STRING(64),
      user_agent: DataTypes.STRING(255),
    },
    { sequelize, tableName: 'sessions' },
  );
  RefreshToken.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      session_id: { type: DataTypes.STRING(36), allowNull: false },
      token_hash: { type: DataTypes.STRING(64), allowNull: false },
      created_at: ts(),
      expires_at: { type: DataTypes.DATE(3), allowNull: false },
      used_at: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'refresh_tokens' },
  );
  OidcLogin.init(
    {
      state: { type: DataTypes.STRING(64), primaryKey: true },
      verifier: { type: DataTypes.STRING(128), allowNull: false },
      nonce: { type: DataTypes.STRING(64), allowNull: false },
      mode: { type: DataTypes.STRING(8), allowNull: false },
      user_id: DataTypes.INTEGER,
      return_to: DataTypes.STRING(500),
      ticket_hash: DataTypes.STRING(64),
      result_user_id: DataTypes.INTEGER,
      created_at: ts(),
      completed_at: DataTypes.DATE(3),
      used_at: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'oidc_logins' },
  );
  AuditLog.init(
    {
      seq: { type: DataTypes.BIGINT, primaryKey: true },
      at: { type: DataTypes.DATE(3), allowNull: false },
      actor_id: DataTypes.INTEGER,
      actor_name: DataTypes.STRING(100),
      actor_role: DataTypes.STRING(32),
      action: { type: DataTypes.STRING(64), allowNull: false },
      object_type: DataTypes.STRING(64),
      object_id: DataTypes.STRING(64),
      result: { type: DataTypes.STRING(16), allowNull: false },
      ip: DataTypes.STRING(64),
      request_id: DataTypes.STRING(64),
      detail: DataTypes.TEXT,
      prev_hash: { type: DataTypes.STRING(64), allowNull: false },
      hash: { type: DataTypes.STRING(64), allowNull: false },
    },
    { sequelize, tableName: 'audit_logs' },
  );
  AuditHead.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true },
      seq: { type: DataTypes.BIGINT, allowNull: false },
      hash: { type: DataTypes.STRING(64), allowNull: false },
    },
    { sequelize, tableName: 'audit_head' },
  );
  FileObject.init(
    {
      id: { type: DataTypes.STRING(36), primaryKey: true },
      owner_user_id: DataTypes.INTEGER,
      org_id: DataTypes.INTEGER,
      name: { type: DataTypes.STRING(255), allowNull: false },
      mime: { type: DataTypes.STRING(100), allowNull: false },
      kind: { type: DataTypes.STRING(16), allowNull: false },
      size: { type: DataTypes.BIGINT, allowNull: false },
      sha256: { type: DataTypes.STRING(64), allowNull: false },
      storage_key: { type: DataTypes.STRING(100), allowNull: false },
      public_key: DataTypes.STRING(100),
      thumb_key: DataTypes.STRING(100),
      location: DataTypes.STRING(200),
      visibility: { type: DataTypes.STRING(16), defaultValue: 'private' },
      created_at: ts(),
    },
    { sequelize, tableName: 'files' },
  );
  CalendarDay.init(
    {
      date: { type: DataTypes.STRING(10), primaryKey: true },
      kind: { type: DataTypes.STRING(16), allowNull: false, validate: { isIn: [['holiday', 'workday']] } },
      name: { type: DataTypes.STRING(64), allowNull: false },
      updated_by: DataTypes.INTEGER,
      updated_at: ts(),
    },
    { sequelize, tableName: 'calendar_days' },
  );
}
