import type { CreatedAt, DefaultedTimestamp, Json, Timestamp, Version } from '../schema.ts';
import type { Generated } from 'kysely';
import type { ListeningCursor, ListeningSourceKind, MentionState } from '../../../domain/listening/types.ts';

export interface ListeningSourcesTable {
  workspace_id: string;
  id: string;
  name: string;
  kind: ListeningSourceKind;
  url: string;
  hashtag: string | null;
  keywords: string[];
  enabled: Generated<boolean>;
  poll_every_seconds: Generated<number>;
  cursor: Json<ListeningCursor>;
  last_polled_at: Timestamp | null;
  next_poll_at: Timestamp;
  last_error: string | null;
  held_until: Timestamp | null;
  failures: Generated<number>;
  leased_until: Timestamp | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
  version: Version;
}

export interface MentionsTable {
  workspace_id: string;
  id: string;
  source_id: string | null;
  source_name: string;
  external_id: string;
  url: string | null;
  author: string | null;
  text: string;
  published_at: Timestamp;
  keywords: string[];
  state: Generated<MentionState>;
  incident_id: string | null;
  rumor_entry_id: string | null;
  fetched_at: Timestamp;
  decided_at: Timestamp | null;
  decided_by_name: string | null;
}

/** The tables of listening (kept in their own file; `Database` in ../schema.ts extends this). */
export interface ListeningTables {
  listening_sources: ListeningSourcesTable;
  mentions: MentionsTable;
}
