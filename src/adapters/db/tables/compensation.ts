import type { ColumnType } from 'kysely';
import type { ActorType, CreatedAt, DefaultedTimestamp, Timestamp, Version } from '../schema.ts';
import type { CompensationKind, GestureState, PeriodUnit } from '../../../domain/compensation/gesture.ts';

type NullableTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export interface CompensationGesturesTable {
  workspace_id: string;
  id: string;
  incident_id: string;
  kind: CompensationKind;
  amount_minor: Nullable<number>;
  currency: Nullable<string>;
  period_count: Nullable<number>;
  period_unit: Nullable<PeriodUnit>;
  description_fr: ColumnType<string, string | undefined, string>;
  description_en: ColumnType<string, string | undefined, string>;
  component_ids: TextArray;
  segments: TextArray;
  covered_from: Timestamp;
  covered_to: Timestamp;
  due_at: NullableTime;
  state: ColumnType<GestureState, GestureState | undefined, GestureState>;
  message_id: Nullable<string>;
  promise_entry_id: Nullable<string>;
  announced_at: NullableTime;
  delivery_started_at: NullableTime;
  delivered_at: NullableTime;
  cancelled_at: NullableTime;
  cancel_reason: Nullable<string>;
  author_type: ActorType;
  author_id: string | null;
  author_name: string;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
  version: Version;
}

export interface SubscriberSegmentsTable {
  workspace_id: string;
  subscriber_id: string;
  segment: string;
}

/** The tables of compensation (kept in their own file; `Database` in ../schema.ts extends this). */
export interface CompensationTables {
  compensation_gestures: CompensationGesturesTable;
  subscriber_segments: SubscriberSegmentsTable;
}
