// Repairs, complaints and patrol issues (one lifecycle: @hq/common tickets.ts), their history,
// their photos, and the property companies' patrol tasks.
import {
  DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize,
} from 'sequelize';
import type {
  TicketKind, TicketStatus, PlaceKind, TicketChannel, ComplaintTarget, PhotoStage,
} from '@hq/common';

export class Ticket extends Model<InferAttributes<Ticket>, InferCreationAttributes<Ticket>> {
  declare id: CreationOptional<number>;
  declare ticket_no: CreationOptional<string | null>;
  declare kind: TicketKind;
  declare status: TicketStatus;
  declare category: string;
  declare channel: TicketChannel;
  declare target: ComplaintTarget | null;
  declare community_id: number | null;
  declare room_id: number | null;
  declare place: PlaceKind;
  declare place_text: string | null;
  declare description: string;
  declare preferred_time: string | null;
  declare patrol_task_id: number | null;
  declare reporter_user_id: number | null;
  declare reporter_name: string | null;
  declare reporter_phone_enc: string | null;
  declare registered_by: number | null;
  declare client_key: string;
  declare org_id: number | null;
  declare handler_kind: 'property' | 'regulator';
  declare assignee_user_id: CreationOptional<number | null>;
  declare assignee_org_id: CreationOptional<number | null>;
  declare report_date: string;
  declare due_date: string;
  declare warn_date: string;
  declare warned_at: CreationOptional<Date | null>;
  declare escalation_level: CreationOptional<number>;
  declare escalated_at: CreationOptional<Date | null>;
  declare result: CreationOptional<string | null>;
  declare duplicate_of: CreationOptional<string | null>;
  declare done_at: CreationOptional<Date | null>;
  declare done_date: CreationOptional<string | null>;
  declare on_time: CreationOptional<boolean | null>;
  declare closed_at: CreationOptional<Date | null>;
  declare reopen_until: CreationOptional<string | null>;
  declare reopen_count: CreationOptional<number>;
  declare rating: CreationOptional<number | null>;
  declare rating_comment: CreationOptional<string | null>;
  declare lng: number | null;
  declare lat: number | null;
  declare version: CreationOptional<number>;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;
}

export class TicketEvent extends Model<InferAttributes<TicketEvent>, InferCreationAttributes<TicketEvent>> {
  declare id: CreationOptional<number>;
  declare ticket_id: number;
  declare seq: number;
  declare action: string;
  declare from_status: TicketStatus | null;
  declare to_status: TicketStatus;
  declare actor_user_id: number | null;
  declare actor_name: string;
  declare actor_role: string | null;
  declare note: string | null;
  declare detail: string | null;
  declare created_at: CreationOptional<Date>;
}

export class TicketPhoto extends Model<InferAttributes<TicketPhoto>, InferCreationAttributes<TicketPhoto>> {
  declare id: CreationOptional<number>;
  declare ticket_id: number;
  declare event_seq: number;
  declare stage: PhotoStage;
  declare file_id: string;
  declare sha256: string;
  declare from_camera: boolean;
  declare lng: number | null;
  declare lat: number | null;
  declare public_key: CreationOptional<string | null>;
  declare created_at: CreationOptional<Date>;
}

export class PatrolTask extends Model<InferAttributes<PatrolTask>, InferCreationAttributes<PatrolTask>> {
  declare id: CreationOptional<number>;
  declare community_id: number;
  declare org_id: number | null;
  declare title: string;
  /** JSON array of strings. */
  declare checklist: string;
  declare due_date: string;
  declare assignee_user_id: number | null;
  declare status: 'open' | 'done';
  declare done_at: CreationOptional<Date | null>;
  declare done_note: CreationOptional<string | null>;
  declare done_photo_ids: CreationOptional<string>;
  declare created_by: number | null;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;
}

const ts = () => ({ type: DataTypes.DATE(3), allowNull: false, defaultValue: DataTypes.NOW });
const int = (allowNull = true) => ({ type: DataTypes.INTEGER, allowNull });
const str = (n: number, allowNull = true) => ({ type: DataTypes.STRING(n), allowNull });

export function initTicketModels(sequelize: Sequelize): void {
  Ticket.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      ticket_no: str(20),
      kind: str(16, false),
      status: str(16, false),
      category: str(32, false),
      channel: str(16, false),
      target: str(16),
      community_id: int(),
      room_id: int(),
      place: str(16, false),
      place_text: str(100),
      description: { type: DataTypes.TEXT, allowNull: false },
      preferred_time: str(50),
      patrol_task_id: int(),
      reporter_user_id: int(),
      reporter_name: str(50),
      reporter_phone_enc: str(200),
      registered_by: int(),
      client_key: str(100, false),
      org_id: int(),
      handler_kind: str(16, false),
      assignee_user_id: int(),
      assignee_org_id: int(),
      report_date: str(10, false),
      due_date: str(10, false),
      warn_date: str(10, false),
      warned_at: DataTypes.DATE(3),
      escalation_level: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      escalated_at: DataTypes.DATE(3),
      result: DataTypes.TEXT,
      duplicate_of: str(20),
      done_at: DataTypes.DATE(3),
      done_date: str(10),
      on_time: DataTypes.BOOLEAN,
      closed_at: DataTypes.DATE(3),
      reopen_until: str(10),
      reopen_count: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      rating: int(),
      rating_comment: str(500),
      lng: DataTypes.DOUBLE,
      lat: DataTypes.DOUBLE,
      version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      created_at: ts(),
      updated_at: ts(),
    },
    { sequelize, tableName: 'tickets' },
  );
  TicketEvent.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      ticket_id: int(false),
      seq: int(false),
      action: str(24, false),
      from_status: str(16),
      to_status: str(16, false),
      actor_user_id: int(),
      actor_name: str(60, false),
      actor_role: str(32),
      note: DataTypes.TEXT,
      detail: DataTypes.TEXT,
      created_at: ts(),
    },
    { sequelize, tableName: 'ticket_events' },
  );
  TicketPhoto.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      ticket_id: int(false),
      event_seq: int(false),
      stage: str(16, false),
      file_id: str(36, false),
      sha256: str(64, false),
      from_camera: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      lng: DataTypes.DOUBLE,
      lat: DataTypes.DOUBLE,
      public_key: str(100),
      created_at: ts(),
    },
    { sequelize, tableName: 'ticket_photos' },
  );
  PatrolTask.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      community_id: int(false),
      org_id: int(),
      title: str(100, false),
      checklist: { type: DataTypes.TEXT, allowNull: false },
      due_date: str(10, false),
      assignee_user_id: int(),
      status: str(16, false),
      done_at: DataTypes.DATE(3),
      done_note: str(1000),
      done_photo_ids: { type: DataTypes.STRING(1000), allowNull: false, defaultValue: '' },
      created_by: int(),
      created_at: ts(),
      updated_at: ts(),
    },
    { sequelize, tableName: 'patrol_tasks' },
  );
}
