import type { ColumnType } from 'kysely';
import type { ActorType, DefaultedTimestamp, Timestamp, Version } from '../schema.ts';

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

/** A crisis role the workspace has filled (migration 0021): its version is the roster entry's ETag. */
export interface CrisisRolesTable {
  workspace_id: string;
  role: string;
  updated_at: DefaultedTimestamp;
  updated_by_name: Nullable<string>;
  version: Version;
}

/** Who holds a crisis role: position 0 the primary, then the backups, with their contacts. */
export interface CrisisRoleMembersTable {
  workspace_id: string;
  role: string;
  position: number;
  user_id: string;
  phone: Nullable<string>;
  email: Nullable<string>;
  out_of_hours_phone: Nullable<string>;
  availability_note: Nullable<string>;
  unavailable_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** A pre-approved template, bound to the hash of its content. */
export interface CrisisTemplateApprovalsTable {
  workspace_id: string;
  template_kind: 'message_template' | 'incident_template';
  template_key: string;
  content_hash: string;
  approved_by_type: ActorType;
  approved_by_id: string | null;
  approved_by_name: string;
  approved_at: Timestamp;
}

/** A channel check ticked by hand. */
export interface CrisisChecklistTicksTable {
  workspace_id: string;
  item: string;
  is_ready: boolean;
  note: Nullable<string>;
  ticked_by_id: string | null;
  ticked_by_name: string;
  ticked_at: Timestamp;
  version: Version;
}

/** The tables of the crisis plan (kept in their own file; `Database` in ../schema.ts extends this). */
export interface CrisisPlanTables {
  crisis_roles: CrisisRolesTable;
  crisis_role_members: CrisisRoleMembersTable;
  crisis_template_approvals: CrisisTemplateApprovalsTable;
  crisis_checklist_ticks: CrisisChecklistTicksTable;
}
