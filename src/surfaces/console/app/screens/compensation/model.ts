export type GestureKind = 'credit' | 'free_period' | 'refund';
export type GestureState = 'draft' | 'announcing' | 'announced' | 'delivering' | 'delivered' | 'cancelled';

export interface Gesture {
  id: string;
  incident_id: string;
  kind: GestureKind;
  amount: number | null;
  currency: string | null;
  period_count: number | null;
  period_unit: 'day' | 'month' | null;
  description: { fr: string; en: string };
  offer: { fr: string; en: string };
  component_ids: string[];
  segments: string[];
  covered_from: string;
  covered_to: string;
  due_at: string | null;
  state: GestureState;
  message_id: string | null;
  promise: { id: string; state: string; due_at: string | null; overdue: boolean; state_reason: string | null } | null;
  version: number;
}

export interface EligibleCount {
  total: number;
  email: number;
  sms: number;
}

export interface IncidentSummary {
  id: string;
  name: string;
  component_ids: string[];
  started_at?: string | null;
  created_at: string;
  resolved_at: string | null;
}

export interface ComponentSummary {
  id: string;
  name: string;
}

/** "2026-03-10T15:30" in this browser's time zone, as a datetime-local field holds it. */
export function toLocalInput(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}
