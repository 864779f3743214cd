import type { ColumnType } from 'kysely';
import type { CreatedAt, DefaultedTimestamp, Timestamp, Version } from '../schema.ts';

type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type DrillState = 'prepared' | 'running' | 'finished';

/** A drill of the real workspace `workspace_id`, played in `sandbox_workspace_id` (migration 0020). */
export interface DrillsTable {
  workspace_id: string;
  id: string;
  sandbox_workspace_id: string;
  scenario: string;
  speed: number;
  state: ColumnType<DrillState, DrillState | undefined, DrillState>;
  started_at: NullableTimestamp;
  drill_started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
  score: ColumnType<unknown, string | null | undefined, string | null>;
  created_by_name: string;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
  version: Version;
}

export interface DrillInjectsTable {
  workspace_id: string;
  drill_id: string;
  inject_key: string;
  delivered_at: Timestamp;
  drill_at: Timestamp;
  incident_id: string | null;
  fact_entry_id: string | null;
}

export interface DrillSinkTable {
  /** The sandbox workspace. */
  workspace_id: string;
  delivery_id: number;
  kind: string;
  channel: string;
  recipient: string;
  subject: string | null;
  body: string;
  at: Timestamp;
}

/** The tables of drills (kept in their own file; `Database` in ../schema.ts extends this). */
export interface DrillTables {
  drills: DrillsTable;
  drill_injects: DrillInjectsTable;
  drill_sink: DrillSinkTable;
}
