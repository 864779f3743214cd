/** The crisis plan as GET /api/admin/crisis-plan answers it. */
export type Bilingual = { fr: string; en: string };
export interface Approval { approved_by: string; approved_at: string; is_current: boolean }
export interface RosterMember {
  position: number;
  user_id: string;
  name: string;
  account_email: string;
  email: string | null;
  phone: string | null;
  out_of_hours_phone: string | null;
  availability_note: string | null;
  unavailable_until: string | null;
}
export interface RosterEntry { role: string; version: number; updated_at: string | null; updated_by_name: string | null; members: RosterMember[] }
export interface Gap { id: string; weight: number; text: Bilingual; fix: { area: 'roster' | 'templates' | 'channels' | 'regimes' | 'drills'; role?: string; scenario?: string; item?: string } }
export interface TemplateView { id: string; stage: string; language: string; channel: string; audience: string | null; version: number; is_approved: boolean; approval: Approval | null }
export interface ScenarioView {
  key: string;
  label: Bilingual;
  incident_template: { key: string; label: Bilingual; is_approved: boolean; approval: Approval | null } | null;
  stages: Array<{ stage: string; is_ready: boolean; templates: TemplateView[] }>;
}
export interface CheckView { item: string; label: Bilingual; source: 'derived' | 'evidence' | 'manual'; is_ready: boolean; evidence: string | null; tick: { is_ready: boolean; note: string | null; by: string; at: string; version: number } | null }
export interface CrisisPlan {
  time_zone: string;
  default_language: 'fr' | 'en';
  readiness: { score: number; points: number; max_points: number; missing: Gap[] };
  roster: RosterEntry[];
  people: Array<{ id: string; name: string; email: string; workspace_role: string }>;
  scenarios: ScenarioView[];
  audiences: Array<{ id: string; name: Bilingual; owner_role: string; owner: { user_id: string; name: string } | null; channels: Array<{ kind: string; name: string | null }> }>;
  checklist: CheckView[];
  regimes: { is_profile_set: boolean; applies: string[]; details: Array<{ regime: string; applies: boolean; detail: Bilingual }> };
  drills: { is_available: boolean; last_finished_at: string | null };
}

/** Where a gap is fixed: an anchor on this page, or the drills screen. */
export function fixHref(gap: Gap): string {
  switch (gap.fix.area) {
    case 'roster':
      return `#role-${gap.fix.role}`;
    case 'templates':
      return `#scenario-${gap.fix.scenario}`;
    case 'channels':
      return `#check-${gap.fix.item}`;
    case 'regimes':
      return '#plan-regimes';
    case 'drills':
      return '/drills';
  }
}

/** A date and time in the workspace's time zone, as the plan is read there. */
export function formatInZone(value: string, language: 'fr' | 'en', timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(value));
}
