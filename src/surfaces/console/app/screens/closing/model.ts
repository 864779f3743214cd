export type PromiseKind = 'next_update' | 'compensation' | 'follow_up_report' | 'other';
export const draftChannels = ['status_page', 'email', 'sms', 'chat', 'social', 'support_script', 'press'] as const;
export type DraftChannel = (typeof draftChannels)[number];

export interface Blocker {
  id: string;
  promise_kind: PromiseKind;
  text: string;
  due_at: string | null;
  overdue: boolean;
}

export interface FollowUp extends Blocker {
  state: string;
  follow_up: { at: string; by: string; note: string | null } | null;
}

export interface ClosingCheck {
  incident_id: string;
  status: string;
  can_close: boolean;
  blockers: Blocker[];
  follow_ups: FollowUp[];
  next_update_promises_settled_by_close: number;
}

export interface ClosingDraft {
  audience: string;
  language: 'fr' | 'en';
  channel: DraftChannel;
  sections: {
    chronology: Array<{ at: string; text: string }>;
    cause: string | null;
    corrective_actions: string[];
    next_steps: Array<{ promise_id: string; text: string; due_at: string | null }>;
    feedback: string | null;
    apology: string;
  };
  missing: Array<'cause' | 'corrective_actions' | 'feedback'>;
  subject: string | null;
  body: string;
}

export interface Audience {
  id: string;
  name: { fr: string; en: string };
}

/** A due date in the workspace's zone, as the console's language writes it. */
export function formatDue(at: string, language: 'fr' | 'en', timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(at));
}
