// The credit engine's records: standards per kind of subject, credit events, objections,
// yearly snapshots and public ratings.
import {
  DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize,
} from 'sequelize';
import type { ConductDirection, CreditBasisType, CreditEventStatus, CreditSource, CreditSubjectKind, ObjectionStatus } from '@hq/common';

export class CreditStandard extends Model<InferAttributes<CreditStandard>, InferCreationAttributes<CreditStandard>> {
  declare kind: CreditSubjectKind;
  declare body: string;
  declare version: number;
  declare updated_by: number | null;
  declare updated_at: Date;
}

export class CreditEvent extends Model<InferAttributes<CreditEvent>, InferCreationAttributes<CreditEvent>> {
  declare id: CreationOptional<number>;
  declare subject_kind: CreditSubjectKind;
  declare subject_id: number;
  declare subject_org_id: number | null;
  declare indicator_code: string;
  declare indicator_label: string;
  declare direction: ConductDirection;
  declare points: number;
  declare blacklist: boolean;
  declare occurred_on: string;
  declare valid_until: string;
  declare title: string;
  declare description: string | null;
  declare basis_type: CreditBasisType;
  declare basis_no: string;
  declare evidence_file_ids: string;
  declare source: CreditSource;
  declare source_dept: string | null;
  declare external_ref: string | null;
  declare status: CreditEventStatus;
  declare reported_by: number | null;
  declare reported_role: string | null;
  declare reviewed_by: CreationOptional<number | null>;
  declare reviewed_at: CreationOptional<Date | null>;
  declare review_opinion: CreationOptional<string | null>;
  declare revoked_at: CreationOptional<Date | null>;
  declare revoke_reason: CreationOptional<string | null>;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;
}

export class CreditObjection extends Model<InferAttributes<CreditObjection>, InferCreationAttributes<CreditObjection>> {
  declare id: CreationOptional<number>;
  declare event_id: number;
  declare submitted_by: number | null;
  declare org_id: number | null;
  declare reason: string;
  declare evidence_file_ids: string;
  declare status: ObjectionStatus;
  declare decided_by: CreationOptional<number | null>;
  declare decided_at: CreationOptional<Date | null>;
  declare opinion: CreationOptional<string | null>;
  declare created_at: CreationOptional<Date>;
}

export class CreditSnapshot extends Model<InferAttributes<CreditSnapshot>, InferCreationAttributes<CreditSnapshot>> {
  declare id: CreationOptional<number>;
  declare subject_kind: CreditSubjectKind;
  declare subject_id: number;
  declare year: number;
  declare score: number;
  declare grade: string;
  declare grade_label: string;
  declare explanation: string;
  declare standard_version: number;
  declare taken_at: Date;
  declare taken_by: number | null;
}

export class CreditRating extends Model<InferAttributes<CreditRating>, InferCreationAttributes<CreditRating>> {
  declare id: CreationOptional<number>;
  declare subject_kind: 'agency' | 'broker';
  declare subject_id: number;
  declare rater_user_id: number;
  declare quarter: string;
  declare professionalism: number;
  declare attitude: number;
  declare process: number;
  declare reason: string;
  declare rated_on: string;
  declare created_at: CreationOptional<Date>;
}

const ts = () => ({ type: DataTypes.DATE(3), allowNull: false, defaultValue: DataTypes.NOW });
const KINDS = [['developer', 'agency', 'broker', 'property_company']];

export function initCreditModels(sequelize: Sequelize): void {
  CreditStandard.init(
    {
      kind: { type: DataTypes.STRING(32), primaryKey: true, validate: { isIn: KINDS } },
      body: { type: DataTypes.TEXT, allowNull: false },
      version: { type: DataTypes.INTEGER, allowNull: false },
      updated_by: DataTypes.INTEGER,
      updated_at: ts(),
    },
    { sequelize, tableName: 'credit_standards' },
  );
  CreditEvent.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      subject_kind: { type: DataTypes.STRING(32), allowNull: false, validate: { isIn: KINDS } },
      subject_id: { type: DataTypes.INTEGER, allowNull: false },
      subject_org_id: DataTypes.INTEGER,
      indicator_code: { type: DataTypes.STRING(32), allowNull: false },
      indicator_label: { type: DataTypes.STRING(60), allowNull: false },
      direction: { type: DataTypes.STRING(8), allowNull: false, validate: { isIn: [['good', 'bad']] } },
      points: { type: DataTypes.INTEGER, allowNull: false },
      blacklist: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      occurred_on: { type: DataTypes.STRING(10), allowNull: false },
      valid_until: { type: DataTypes.STRING(10), allowNull: false },
      title: { type: DataTypes.STRING(100), allowNull: false },
      description: DataTypes.STRING(1000),
      basis_type: { type: DataTypes.STRING(16), allowNull: false },
      basis_no: { type: DataTypes.STRING(100), allowNull: false },
      evidence_file_ids: { type: DataTypes.STRING(1000), allowNull: false, defaultValue: '' },
      source: { type: DataTypes.STRING(16), allowNull: false, validate: { isIn: [['self_report', 'regulator', 'import']] } },
      source_dept: DataTypes.STRING(64),
      external_ref: DataTypes.STRING(64),
      status: { type: DataTypes.STRING(16), allowNull: false, validate: { isIn: [['pending', 'effective', 'rejected', 'revoked']] } },
      reported_by: DataTypes.INTEGER,
      reported_role: DataTypes.STRING(32),
      reviewed_by: DataTypes.INTEGER,
      reviewed_at: DataTypes.DATE(3),
      review_opinion: DataTypes.STRING(1000),
      revoked_at: DataTypes.DATE(3),
      revoke_reason: DataTypes.STRING(1000),
      created_at: ts(),
      updated_at: ts(),
    },
    { sequelize, tableName: 'credit_events' },
  );
  CreditObjection.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      event_id: { type: DataTypes.INTEGER, allowNull: false },
      submitted_by: DataTypes.INTEGER,
      org_id: DataTypes.INTEGER,
      reason: { type: DataTypes.STRING(1000), allowNull: false },
      evidence_file_ids: { type: DataTypes.STRING(1000), allowNull: false },
      status: { type: DataTypes.STRING(16), allowNull: false, validate: { isIn: [['pending', 'upheld', 'dismissed']] } },
      decided_by: DataTypes.INTEGER,
      decided_at: DataTypes.DATE(3),
      opinion: DataTypes.STRING(1000),
      created_at: ts(),
    },
    { sequelize, tableName: 'credit_objections' },
  );
  CreditSnapshot.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      subject_kind: { type: DataTypes.STRING(32), allowNull: false },
      subject_id: { type: DataTypes.INTEGER, allowNull: false },
      year: { type: DataTypes.INTEGER, allowNull: false },
      score: { type: DataTypes.INTEGER, allowNull: false },
      grade: { type: DataTypes.STRING(16), allowNull: false },
      grade_label: { type: DataTypes.STRING(20), allowNull: false },
      explanation: { type: DataTypes.TEXT, allowNull: false },
      standard_version: { type: DataTypes.INTEGER, allowNull: false },
      taken_at: { type: DataTypes.DATE(3), allowNull: false },
      taken_by: DataTypes.INTEGER,
    },
    { sequelize, tableName: 'credit_snapshots' },
  );
  CreditRating.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      subject_kind: { type: DataTypes.STRING(32), allowNull: false, validate: { isIn: [['agency', 'broker']] } },
      subject_id: { type: DataTypes.INTEGER, allowNull: false },
      rater_user_id: { type: DataTypes.INTEGER, allowNull: false },
      quarter: { type: DataTypes.STRING(7), allowNull: false },
      professionalism: { type: DataTypes.INTEGER, allowNull: false },
      attitude: { type: DataTypes.INTEGER, allowNull: false },
      process: { type: DataTypes.INTEGER, allowNull: false },
      reason: { type: DataTypes.STRING(500), allowNull: false },
      rated_on: { type: DataTypes.STRING(10), allowNull: false },
      created_at: ts(),
    },
    { sequelize, tableName: 'credit_ratings' },
  );
}
