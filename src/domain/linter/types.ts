export type LintLanguage = 'fr' | 'en';
export type Stage = 'first' | 'update' | 'identified' | 'monitoring' | 'resolved' | 'closing' | 'breach_notice' | 'compensation' | 'rumor_correction' | 'maintenance_notice';
export type Channel = 'status_page' | 'email' | 'sms' | 'chat' | 'social' | 'support_script' | 'press';
export type SocialNetwork = 'x' | 'mastodon' | 'bluesky' | 'linkedin' | 'facebook';
export type Severity = 'error' | 'warning' | 'info';

export const lintLanguages = ['fr', 'en'] as const satisfies readonly LintLanguage[];
export const stages = ['first', 'update', 'identified', 'monitoring', 'resolved', 'closing', 'breach_notice', 'compensation', 'rumor_correction', 'maintenance_notice'] as const satisfies readonly Stage[];
export const channels = ['status_page', 'email', 'sms', 'chat', 'social', 'support_script', 'press'] as const satisfies readonly Channel[];
export const socialNetworks = ['x', 'mastodon', 'bluesky', 'linkedin', 'facebook'] as const satisfies readonly SocialNetwork[];
export const severities = ['error', 'warning', 'info'] as const satisfies readonly Severity[];

/** A plain replacement for a term, for the audiences it listed (absent = all lay audiences). */
export interface GlossaryEntry {
  term: string;
  plain: string;
  language: LintLanguage;
  audiences?: string[];
}

/** What the linter needs of the incident's fact sheet: a projection the service layer builds. */
export interface LintFacts {
  incidentOpen: boolean;
  personalDataBreach: boolean;
  /** Confirmed figures, numbers kept as numbers. */
  figures: { affectedPeople?: number; records?: number; regions?: string[] };
  /** When the trouble started, as known (ISO instant). */
  startedAt?: string;
  status?: 'investigating' | 'identified' | 'monitoring' | 'resolved';
  /** Public names. */
  affectedComponents: string[];
  /** Hypothesis texts. */
  unconfirmed: string[];
  keyMessages: Array<{ text: string; language: LintLanguage }>;
  /** IANA zone for reading "15 h 10" / "3:10 pm" times (default UTC). */
  timeZone?: string;
}

export interface LintSibling {
  text: string;
  language: LintLanguage;
  audience: string;
  channel: Channel;
}

export interface LintInput {
  text: string;
  /** E-mail subject when channel is email. */
  subject?: string;
  language: LintLanguage;
  stage: Stage;
  /** Workspace-defined audience id; unknown ids are treated as lay. */
  audience: string;
  /** Whether this audience reads technical words as they are (default: true only for ids such as technical_customers, engineering, developers). */
  technicalAudience?: boolean;
  channel: Channel;
  network?: SocialNetwork;
  facts?: LintFacts;
  glossary?: GlossaryEntry[];
  /** Texts of the other variants of the same message (same language or not) for `contradiction`. */
  siblings?: LintSibling[];
  /** Suggested next-update time for the missing-next-update fix, already formatted: "16 h 30" / "4:30 pm". */
  nextUpdateLabel?: string;
  /** Rule configuration: disable ids or change severities; an unknown id throws LintConfigError. */
  rules?: Record<string, 'off' | Severity>;
}

export interface Finding {
  rule: string;
  severity: Severity;
  /** [start, end) in UTF-16 code units of the original field; start = end for an absence. */
  start: number;
  end: number;
  /** Absent means 'text'. */
  field?: 'text' | 'subject';
  message: string;
  /** Replacement text for [start, end), when a real one exists. */
  suggestion?: string;
  /** The doctrine section the rule applies, e.g. "§2 — tone". */
  doctrine: string;
}
