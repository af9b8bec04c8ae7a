// Enterprises and brokers: one profile per organisation (its registry state and the facts its
// registration or filing established), the certificates held, brokers with their agency history
// and practice qualifications.
import {
  DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize,
} from 'sequelize';
import type {
  BrokerQualificationKind, BrokerQualificationLevel, BrokerQualificationStatus, BrokerStatus, CertificateStatusValue, EnterpriseCertificateKind,
  EnterpriseKind, EnterpriseSource, EnterpriseStatus,
} from '@hq/common';

/** What registration, filing and changes established about an enterprise (stored as JSON). */
export interface EnterpriseFacts {
  registeredCapitalFen?: number;
  establishedOn?: string;
  businessScope?: string;
  serviceScope?: string;
  storeAddress?: string;
  personnel?: { name: string; position: string; title?: string; certificateNo?: string }[];
  achievements?: { projectName: string; role?: string; floorArea: number; completedOn?: string }[];
  managedProjects?: { name: string; floorArea?: number }[];
  remarks?: string;
}

export class EnterpriseProfile extends Model<InferAttributes<EnterpriseProfile>, InferCreationAttributes<EnterpriseProfile>> {
  declare org_id: number;
  declare kind: EnterpriseKind;
  declare status: EnterpriseStatus;
  declare source: EnterpriseSource;
  declare facts: string;
  declare contact_name: CreationOptional<string | null>;
  declare contact_phone_enc: CreationOptional<string | null>;
  declare registered_at: CreationOptional<Date | null>;
  declare cancelled_at: CreationOptional<Date | null>;
  declare cancel_reason: CreationOptional<string | null>;
  declare qualification_cert_id: CreationOptional<number | null>;
  declare filing_cert_id: CreationOptional<number | null>;
  declare version: CreationOptional<number>;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;
}

export class EnterpriseCertificate extends Model<InferAttributes<EnterpriseCertificate>, InferCreationAttributes<EnterpriseCertificate>> {
  declare id: CreationOptional<number>;
  declare kind: EnterpriseCertificateKind;
  declare cert_no: string;
  declare org_id: number;
  declare broker_id: CreationOptional<number | null>;
  declare application_id: CreationOptional<number | null>;
  declare grade: CreationOptional<string | null>;
  declare facts: string;
  declare issued_on: string;
  declare valid_until: CreationOptional<string | null>;
  declare status: CertificateStatusValue;
  declare status_reason: CreationOptional<string | null>;
  declare replaced_by: CreationOptional<number | null>;
  declare status_changed_at: CreationOptional<Date | null>;
  declare created_at: CreationOptional<Date>;
}

export class Broker extends Model<InferAttributes<Broker>, InferCreationAttributes<Broker>> {
  declare id: CreationOptional<number>;
  declare agency_org_id: number | null;
  declare user_id: CreationOptional<number | null>;
  declare name: string;
  declare id_type: string;
  declare id_no_enc: string;
  declare id_no_hash: string;
  declare phone_enc: string;
  declare phone_hash: string;
  declare education: CreationOptional<string | null>;
  declare status: BrokerStatus;
  declare registered_at: CreationOptional<Date | null>;
  declare filed_at: CreationOptional<Date | null>;
  declare released_at: CreationOptional<Date | null>;
  declare filing_cert_id: CreationOptional<number | null>;
  declare version: CreationOptional<number>;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;
}

export class BrokerAffiliation extends Model<InferAttributes<BrokerAffiliation>, InferCreationAttributes<BrokerAffiliation>> {
  declare id: CreationOptional<number>;
  declare broker_id: number;
  declare agency_org_id: number;
  declare started_at: Date;
  declare ended_at: CreationOptional<Date | null>;
  declare end_reason: CreationOptional<string | null>;
  declare created_by: number | null;
}

export class BrokerQualification extends Model<InferAttributes<BrokerQualification>, InferCreationAttributes<BrokerQualification>> {
  declare id: CreationOptional<number>;
  declare broker_id: number;
  declare kind: BrokerQualificationKind;
  declare level: BrokerQualificationLevel;
  declare cert_no: string;
  declare issued_on: string;
  declare valid_until: string;
  declare status: BrokerQualificationStatus;
  declare checked_at: CreationOptional<Date | null>;
  declare check_result: CreationOptional<'pass' | 'fail' | null>;
  declare check_note: CreationOptional<string | null>;
  declare cancelled_at: CreationOptional<Date | null>;
  declare cancel_reason: CreationOptional<string | null>;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;
}

const ts = () => ({ type: DataTypes.DATE(3), allowNull: false, defaultValue: DataTypes.NOW });
const isIn = (values: readonly string[]) => ({ isIn: [values as string[]] });

export function initEnterpriseModels(sequelize: Sequelize): void {
  EnterpriseProfile.init(
    {
      org_id: { type: DataTypes.INTEGER, primaryKey: true },
      kind: { type: DataTypes.STRING(32), allowNull: false, validate: isIn(['developer', 'agency', 'property_company']) },
      status: { type: DataTypes.STRING(16), allowNull: false, validate: isIn(['pending', 'active', 'cancelled']) },
      source: { type: DataTypes.STRING(16), allowNull: false, validate: isIn(['application', 'registry', 'tender']) },
      facts: { type: DataTypes.TEXT, allowNull: false },
      contact_name: DataTypes.STRING(50),
      contact_phone_enc: DataTypes.STRING(200),
      registered_at: DataTypes.DATE(3),
      cancelled_at: DataTypes.DATE(3),
      cancel_reason: DataTypes.STRING(300),
      qualification_cert_id: DataTypes.INTEGER,
      filing_cert_id: DataTypes.INTEGER,
      version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
      created_at: ts(),
      updated_at: ts(),
    },
    { sequelize, tableName: 'enterprise_profiles' },
  );
  EnterpriseCertificate.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      kind: { type: DataTypes.STRING(32), allowNull: false },
      cert_no: { type: DataTypes.STRING(64), allowNull: false },
      org_id: { type: DataTypes.INTEGER, allowNull: false },
      broker_id: DataTypes.INTEGER,
      application_id: DataTypes.INTEGER,
      grade: DataTypes.STRING(16),
      facts: { type: DataTypes.TEXT, allowNull: false },
      issued_on: { type: DataTypes.STRING(10), allowNull: false },
      valid_until: DataTypes.STRING(10),
      status: { type: DataTypes.STRING(16), allowNull: false, validate: isIn(['valid', 'superseded', 'revoked']) },
      status_reason: DataTypes.STRING(300),
      replaced_by: DataTypes.INTEGER,
      status_changed_at: DataTypes.DATE(3),
      created_at: ts(),
    },
    { sequelize, tableName: 'enterprise_certificates' },
  );
  Broker.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      agency_org_id: DataTypes.INTEGER,
      user_id: DataTypes.INTEGER,
      name: { type: DataTypes.STRING(50), allowNull: false },
      id_type: { type: DataTypes.STRING(24), allowNull: false },
      id_no_enc: { type: DataTypes.STRING(200), allowNull: false },
      id_no_hash: { type: DataTypes.STRING(64), allowNull: false },
      phone_enc: { type: DataTypes.STRING(200), allowNull: false },
      phone_hash: { type: DataTypes.STRING(64), allowNull: false },
      education: DataTypes.STRING(20),
      status: { type: DataTypes.STRING(16), allowNull: false, validate: isIn(['pending', 'active', 'released', 'cancelled']) },
      registered_at: DataTypes.DATE(3),
      filed_at: DataTypes.DATE(3),
      released_at: DataTypes.DATE(3),
      filing_cert_id: DataTypes.INTEGER,
      version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
      created_at: ts(),
      updated_at: ts(),
    },
    { sequelize, tableName: 'brokers' },
  );
  BrokerAffiliation.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      broker_id: { type: DataTypes.INTEGER, allowNull: false },
      agency_org_id: { type: DataTypes.INTEGER, allowNull: false },
      started_at: { type: DataTypes.DATE(3), allowNull: false },
      ended_at: DataTypes.DATE(3),
      end_reason: DataTypes.STRING(300),
      created_by: DataTypes.INTEGER,
    },
    { sequelize, tableName: 'broker_affiliations' },
  );
  BrokerQualification.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      broker_id: { type: DataTypes.INTEGER, allowNull: false },
      kind: { type: DataTypes.STRING(16), allowNull: false, validate: isIn(['practice', 'post']) },
      level: { type: DataTypes.STRING(16), allowNull: false, validate: isIn(['broker', 'assistant']) },
      cert_no: { type: DataTypes.STRING(64), allowNull: false },
      issued_on: { type: DataTypes.STRING(10), allowNull: false },
      valid_until: { type: DataTypes.STRING(10), allowNull: false },
      status: { type: DataTypes.STRING(16), allowNull: false, validate: isIn(['valid', 'suspended', 'cancelled']) },
      checked_at: DataTypes.DATE(3),
      check_result: DataTypes.STRING(8),
      check_note: DataTypes.STRING(500),
      cancelled_at: DataTypes.DATE(3),
      cancel_reason: DataTypes.STRING(300),
      created_at: ts(),
      updated_at: ts(),
    },
    { sequelize, tableName: 'broker_qualifications' },
  );
}
