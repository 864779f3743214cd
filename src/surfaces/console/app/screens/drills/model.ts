export type Text = { fr: string; en: string };
export type InjectKind = 'alert' | 'press_call' | 'social_post' | 'regulator_question' | 'customer_email' | 'internal_note';

export interface Inject {
  key: string;
  kind: InjectKind;
  at_minute: number;
  from: Text;
  text: Text;
  expects: Text | null;
  drill_at?: string;
}

export interface Scenario {
  key: string;
  title: Text;
  briefing: Text;
  source: string;
  impact: string;
  components: Array<{ role: string; name: Text }>;
  first_message_minutes: number;
  duration_minutes: number;
  personal_data_breach: boolean;
  injects: Inject[];
}

export interface Criterion {
  id: 'first_message' | 'cadence' | 'findings' | 'contradictions' | 'regulatory';
  points: number;
  max: number;
  figure: Text;
  advice: Text | null;
}

export interface Drill {
  id: string;
  scenario: { key: string; title: Text; first_message_minutes: number; duration_minutes: number };
  speed: number;
  state: 'prepared' | 'running' | 'finished';
  sandbox: { workspace_id: string; slug: string };
  started_at: string | null;
  finished_at: string | null;
  drill_started_at: string | null;
  drill_time: string | null;
  drill_minutes: number;
  injects: Inject[];
  injects_total: number;
  sink_count: number;
  score: { total: number; max: number; criteria: Criterion[] } | null;
  created_by: string;
  created_at: string;
}

/** What a sandbox session knows of its drill (GET /api/admin/drill-session). */
export interface DrillSession {
  id: string;
  scenario: { key: string; title: Text };
  speed: number;
  state: 'prepared' | 'running' | 'finished';
  drill_time: string;
  real_time: string;
  running: boolean;
  real_workspace: { id: string; slug: string; name: string };
  feed: Inject[];
}
