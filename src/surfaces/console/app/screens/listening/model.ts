export type MentionState = 'new' | 'dismissed' | 'rumor';

export interface Mention {
  id: string;
  source: { id: string; name: string } | null;
  source_name: string;
  url: string | null;
  author: string | null;
  text: string;
  published_at: string;
  keywords: string[];
  state: MentionState;
  incident_id: string | null;
  rumor_entry_id: string | null;
  decided_at: string | null;
  decided_by: string | null;
}

export interface MentionPage {
  mentions: Mention[];
  counts: Record<MentionState, number>;
  next_cursor: string | null;
}

export interface Source {
  id: string;
  name: string;
  kind: 'feed' | 'mastodon';
  url: string;
  hashtag: string | null;
  keywords: string[];
  enabled: boolean;
  poll_every_seconds: number;
  format: 'rss' | 'atom' | null;
  last_polled_at: string | null;
  next_poll_at: string;
  held_until: string | null;
  last_error: string | null;
  failures: number;
  new_mentions: number;
  version: number;
}

export interface IncidentChoice {
  id: string;
  name: string;
}
