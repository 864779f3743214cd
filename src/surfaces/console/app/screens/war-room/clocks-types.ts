/** The clocks' routes as the war room reads them (see /api/admin/incidents/{id}/clocks, …/regulatory, /api/admin/alerts). */

import type { DeadlineId } from '../../../../../domain/clocks/regulatory.ts';
import { formatDateTime, formatTime, type Language } from '../../i18n.ts';

export type Step = 'reminder' | 'due' | 'escalation';

export interface CommunicationClock {
  id: 'first_message' | 'next_update';
  due_at: string;
  status: 'running' | 'met' | 'late' | 'overdue';
  met_at: string | null;
  promised: boolean;
  steps: { step: Step; at: string; to: 'referent' | 'backup_and_lead' | 'executive'; queued: number; sent: number }[];
}

export interface CommunicationClocks {
  incident_id: string;
  time_zone: string;
  clocks: CommunicationClock[];
}

export interface ClockAlert {
  id: string;
  incident_id: string;
  clock: CommunicationClock['id'];
  step: Step;
  due_at: string;
  raised_at: string;
  to_me: boolean;
  acknowledged_at: string | null;
}

export type DeadlineStatus = 'waiting' | 'running' | 'met' | 'late' | 'overdue';

export interface LegalDeadline {
  id: DeadlineId;
  regime: 'gdpr' | 'nis2' | 'dora' | 'eprivacy' | 'fr';
  report_name: string;
  recipient: string;
  due_at: string | null;
  undue_delay: boolean;
  starts_from: { stamp: string; at: string | null };
  rule: string;
  tag: 'P' | 'S' | 'U';
  shifted_from: string | null;
  status: DeadlineStatus;
  submitted_at: string | null;
  content: { key: string; label: { en: string; fr: string }; mandatory: boolean }[];
}

export interface IncidentRegulatory {
  incident_id: string;
  personal_data_breach: boolean;
  deadlines: LegalDeadline[];
}

/**
 * How a clock stands at `now`, as the person reads it: calm, due soon (the reminder went out),
 * late; or, once the message is out, met or met late.
 */
export type ClockTone = 'calm' | 'soon' | 'late' | 'met' | 'missed';

export function clockTone(clock: CommunicationClock, now: number): ClockTone {
  if (clock.status === 'met') return 'met';
  if (clock.status === 'late') return 'missed';
  if (now >= Date.parse(clock.due_at)) return 'late';
  const reminder = clock.steps.find((s) => s.step === 'reminder');
  return reminder && now >= Date.parse(reminder.at) ? 'soon' : 'calm';
}

const sixHours = 6 * 3_600_000;

/** A legal deadline's tone: late once missed; soon in its last six hours. */
export function deadlineTone(deadline: LegalDeadline, now: number): ClockTone | 'waiting' {
  switch (deadline.status) {
    case 'waiting':
      return 'waiting';
    case 'met':
      return 'met';
    case 'late':
      return 'missed';
    case 'overdue':
      return 'late';
    case 'running': {
      if (!deadline.due_at) return 'calm';
      const left = Date.parse(deadline.due_at) - now;
      return left < 0 ? 'late' : left < sixHours ? 'soon' : 'calm';
    }
  }
}

/** A time today reads "14:20"; another day's reads with its date. */
export function formatWhen(value: string, now: number, language: Language): string {
  const date = new Date(value);
  return date.toDateString() === new Date(now).toDateString() ? formatTime(date, language) : formatDateTime(date, language);
}
