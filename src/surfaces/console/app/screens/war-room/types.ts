/** The shapes of the fact sheet, messages and settings the war room reads (see /api/openapi.json). */

export interface Actor {
  type: 'user' | 'token' | 'system';
  id: string | null;
  name: string;
}

export interface Figures {
  affected_people?: number;
  records?: number;
  regions?: string[];
}

interface EntryCommon {
  id: string;
  text: string;
  noted_at: string;
  author: Actor;
  created_at: string;
  updated_at: string;
  withdrawn: { at: string; reason: string | null; by: Actor | null } | null;
  version: number;
}

export type PromiseState = 'pending' | 'kept' | 'broken' | 'dropped' | 'postponed';
export type RumorState = 'open' | 'refuted' | 'confirmed';

export type FactEntry =
  | (EntryCommon & { kind: 'known'; source: string | null; figures: Figures; confirmed: { at: string; by: Actor } | null })
  | (EntryCommon & { kind: 'unconfirmed'; source: string | null })
  | (EntryCommon & { kind: 'said'; audience: string | null; channel: string | null; language: 'fr' | 'en' | null; message_id: string | null })
  | (EntryCommon & {
      kind: 'promised';
      source: string | null;
      promise_kind: 'next_update' | 'compensation' | 'follow_up_report' | 'other' | null;
      due_at: string | null;
      state: PromiseState;
      overdue: boolean;
      state_reason: string | null;
    })
  | (EntryCommon & { kind: 'rumor'; source: string | null; state: RumorState; correction: string | null })
  | (EntryCommon & { kind: 'key_message'; language: 'fr' | 'en' | null });

export type FactKind = FactEntry['kind'];
/** The kinds a person adds by hand: what was said is written by publishing. */
export type HandKind = Exclude<FactKind, 'said'>;

export interface Person {
  id: string;
  name: string;
  email: string;
}

export interface FactSheet {
  incident_id: string;
  version: number;
  personal_data_breach: boolean;
  audiences: string[];
  referent: Person | null;
  backup_referent: Person | null;
  figures: Figures;
  known: FactEntry[];
  unconfirmed: FactEntry[];
  said: FactEntry[];
  promised: FactEntry[];
  rumors: FactEntry[];
  key_messages: FactEntry[];
  withdrawn: FactEntry[];
  promises_summary: Record<PromiseState, number>;
  as_of: string;
}

export type ReviewState = 'draft' | 'in_review' | 'changes_requested' | 'approved' | 'published';

export interface MessageSummary {
  id: string;
  stage: string;
  state: 'draft' | 'in_review' | 'published';
  review_state: ReviewState;
  next_update_at: string | null;
  emergency: boolean;
  author: Actor;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  variants: { id: string; audience: string; language: 'fr' | 'en'; channel: string }[];
}

export interface Audience {
  id: string;
  name: { fr: string; en: string };
}

export interface CommsSettings {
  audiences: Audience[];
  status_page_audience: string;
}

export interface Member {
  id: string;
  name: string;
  email: string;
  role: string;
}

export interface ServiceItem {
  id: string;
  name: string;
  group_id: string | null;
}

/** What moved in the incident, from its live stream: numbers only, the parts are fetched again. */
export interface Change {
  revision: string;
  incident: number;
  facts: number;
  messages: number;
  updates: number;
  alerts: number;
  regulatory: number;
}
