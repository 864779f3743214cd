import type { ActorType, CreatedAt, DefaultedTimestamp, Version } from '../schema.ts';

/** A promise moved to the follow-up list (migration 0016): tracked after the incident closes. */
export interface ClosingFollowUpsTable {
  workspace_id: string;
  promise_id: string;
  incident_id: string;
  note: string | null;
  author_type: ActorType;
  author_id: string | null;
  author_name: string;
  created_at: CreatedAt;
}

/** Where closing messages invite questions and feedback; absent means none set yet. */
export interface ClosingSettingsTable {
  workspace_id: string;
  feedback_contact: string | null;
  updated_at: DefaultedTimestamp;
  version: Version;
}

/** The tables of closing (kept in their own file; `Database` in ../schema.ts extends this). */
export interface ClosingTables {
  closing_follow_ups: ClosingFollowUpsTable;
  closing_settings: ClosingSettingsTable;
}
