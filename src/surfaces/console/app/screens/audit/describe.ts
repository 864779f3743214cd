import type { Translate } from '../../i18n.ts';
import type { auditPhrases } from './phrases.ts';
import type { auditText } from './text.ts';

export interface AuditEntry {
  id: number;
  at: string;
  actor_type: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: unknown;
  after: unknown;
}

type Record_ = Record<string, unknown>;

/** The actions a person can filter on, by area, in the order the areas are listed. */
export const actionAreas: Record<string, string[]> = {
  incident: ['incident.open', 'incident.open_from_template', 'incident.edit', 'incident.add_update', 'incident.edit_update', 'incident.resolve', 'incident.postpone_next_update', 'fact_sheet.edit', 'fact_entry.add', 'fact_entry.edit', 'fact_entry.confirm', 'fact_entry.withdraw', 'clock_alert.acknowledge', 'maintenance.schedule', 'maintenance.edit', 'maintenance.cancel', 'maintenance.advance', 'maintenance.add_update'],
  message: ['message.create', 'message.edit', 'message.add_variant', 'message.edit_variant', 'message.remove_variant', 'message.request_review', 'message.comment', 'message.approve', 'message.request_changes', 'message.publish', 'message.emergency_publish', 'message.post_social', 'delivery.retry'],
  service: ['component.create', 'component.update', 'component.delete', 'component_group.create', 'component_group.update', 'component_group.delete', 'page.create', 'page.update', 'page.delete', 'page.add_target', 'page.remove_target'],
  subscriber: ['subscriber.add', 'subscriber.update', 'subscriber.rotate_secret', 'subscriber.delete', 'subscriber.import', 'suppression.add', 'suppression.remove', 'suppression.feedback'],
  access: ['member.add', 'member.update', 'member.remove', 'token.create', 'token.revoke'],
  settings: ['workspace.update', 'workspace.import', 'settings.update', 'glossary_term.create', 'glossary_term.update', 'glossary_term.delete', 'message_template.create', 'message_template.update', 'message_template.delete', 'channel_endpoint.create', 'channel_endpoint.update', 'channel_endpoint.delete'],
  legal: ['regulatory_profile.update', 'incident_regulatory.update', 'regulatory_submission.record', 'regulatory_report.save', 'breach_record.create', 'breach_record.update', 'breach_register.export', 'data_controller.create', 'data_controller.update', 'data_controller.delete'],
};
const known = new Set(Object.values(actionAreas).flat());

export const phraseKey = (action: string) => (known.has(action) ? action.replaceAll('.', '_') : 'unknown') as 'unknown';

function asRecord(value: unknown): Record_ | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record_) : null;
}

/** The thing's name as the record holds it: a name, a glossary term, a fact's text (shortened). */
function nameIn(entry: AuditEntry, names: Map<string, string>): string | null {
  for (const side of [asRecord(entry.after), asRecord(entry.before)]) {
    for (const field of ['name', 'term', 'title', 'text']) {
      const value = side?.[field];
      if (typeof value === 'string' && value.trim()) return value.length > 80 ? `${value.slice(0, 79)}…` : value;
    }
  }
  return names.get(entry.entity_id) ?? null;
}

export interface Vocabulary {
  t: Translate<(typeof auditText)['en']>;
  phrase: Translate<(typeof auditPhrases)['en']>;
  role: (role: string) => string;
  status: (status: string) => string;
}

/** "Olivia Owner changed the role of “Léa Legal”: viewer → reviewer." */
export function describe(entry: AuditEntry, names: Map<string, string>, words: Vocabulary): string {
  const { t, phrase } = words;
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  const name = nameIn(entry, names);
  let detail = '';
  if (entry.action === 'member.update' && typeof before?.role === 'string' && typeof after?.role === 'string') detail = t('roleChange', { before: words.role(before.role), after: words.role(after.role) });
  if (entry.action === 'member.add' && typeof after?.role === 'string') detail = t('roleDetail', { role: words.role(after.role) });
  if (entry.action === 'component.update' && typeof after?.status === 'string' && after.status !== before?.status) detail = t('statusDetail', { status: words.status(after.status) });
  const who = entry.actor_type === 'system' ? t('system') : entry.actor_name;
  return t('sentence', { who, phrase: phrase(phraseKey(entry.action), { name: name ? t('quoted', { name }) : '', detail, action: entry.action }) });
}

/** The fields that differ between before and after, each with both values as short text. */
export function changedFields(entry: AuditEntry): { field: string; before: string; after: string }[] {
  const before = asRecord(entry.before) ?? (entry.before === null ? {} : { value: entry.before });
  const after = asRecord(entry.after) ?? (entry.after === null ? {} : { value: entry.after });
  // A change that recorded only part of the old state (a role) compares only that part: the rest did not move.
  const partial = entry.before !== null && entry.after !== null;
  const keys = partial ? Object.keys(before).concat(Object.keys(after).filter((field) => field in before)) : [...Object.keys(before), ...Object.keys(after)];
  const fields = [...new Set(keys)].filter((field) => !['version', 'updated_at', 'created_at'].includes(field));
  return fields
    .map((field) => ({ field, before: show(before[field]), after: show(after[field]) }))
    .filter((row) => row.before !== row.after);
}

function show(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 400 ? `${text.slice(0, 399)}…` : text;
}
