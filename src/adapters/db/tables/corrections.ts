import type { ColumnType } from 'kysely';
import type { CreatedAt, DefaultedTimestamp, Json, Version } from '../schema.ts';
import type { Texts } from '../../../domain/corrections/correction.ts';

export interface CorrectionsTable {
  workspace_id: string;
  id: string;
  incident_id: string;
  rumor_entry_id: string;
  message_id: string;
  said: Json<Texts>;
  truth: Json<Texts>;
  published_truth: ColumnType<Texts | null, string | null | undefined, string | null>;
  published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_by_id: string | null;
  created_by_name: string;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
  version: Version;
}

/** The tables of corrections (kept in their own file; `Database` in ../schema.ts extends this). */
export interface CorrectionTables {
  corrections: CorrectionsTable;
}
