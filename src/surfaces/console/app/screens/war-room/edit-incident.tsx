import { useState } from 'preact/hooks';
import { ApiError, api } from '../../api.ts';
import { useText } from '../../i18n.ts';
import { incidentsText } from '../../text/incidents.ts';
import { warRoomText } from '../../text/war-room.ts';
import type { Incident } from '../../types.ts';
import { Button, Dialog, ErrorNotice, Field } from '../../ui/kit.tsx';
import { fromLocalInput, toLocalInput } from './dates.ts';
import { PersonSelect, ServiceChoice } from './choices.tsx';
import type { Member, ServiceItem } from './types.ts';

const impacts = ['none', 'minor', 'major', 'critical'] as const;

interface Form {
  name: string;
  impact: string;
  referent_id: string;
  backup_referent_id: string;
  component_ids: string[];
  detected_at: string;
  occurred_at: string;
}

function formOf(incident: Incident): Form {
  return {
    name: incident.name,
    impact: incident.impact,
    referent_id: incident.referent_id ?? '',
    backup_referent_id: incident.backup_referent_id ?? '',
    component_ids: [...incident.component_ids].sort(),
    detected_at: toLocalInput(incident.detected_at),
    occurred_at: toLocalInput(incident.occurred_at),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Edits what the incident is. Only the fields the person changed are sent, against the version they
 * opened; if someone saved in between, their values are shown and the person's stay in the form.
 */
export function EditIncident({ incident, members, services, onClose, onChanged }: {
  incident: Incident;
  members: Member[];
  services: ServiceItem[];
  onClose: () => void;
  onChanged: () => Promise<void>;
}) {
  const t = useText(warRoomText);
  const i = useText(incidentsText);
  const [start, setStart] = useState(() => formOf(incident));
  const [form, setForm] = useState(start);
  const [against, setAgainst] = useState(incident.version);
  const [theirs, setTheirs] = useState<Incident | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (field: keyof Form) => (event: Event) => setForm({ ...form, [field]: (event.currentTarget as HTMLInputElement).value });
  const toggle = (id: string, on: boolean) => setForm({ ...form, component_ids: (on ? [...form.component_ids, id] : form.component_ids.filter((c) => c !== id)).sort() });

  async function save(event: Event) {
    event.preventDefault();
    const changes: Record<string, unknown> = {};
    for (const field of Object.keys(form) as Array<keyof Form>) {
      if (same(form[field], start[field])) continue;
      const value = form[field];
      changes[field] = field === 'detected_at' || field === 'occurred_at' ? fromLocalInput(value as string) : value === '' ? null : value;
    }
    if (Object.keys(changes).length === 0) return onClose();
    setBusy(true);
    setError(null);
    try {
      await api.patch(`/api/admin/incidents/${encodeURIComponent(incident.id)}`, changes, { ifMatch: against });
      await onChanged();
      onClose();
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 412) {
        const fresh = await api.get<Incident>(`/api/admin/incidents/${encodeURIComponent(incident.id)}`).catch(() => null);
        if (fresh) {
          setTheirs(fresh);
          setAgainst(fresh.version);
          // What the person did not touch follows the other version; what they changed stays theirs.
          const next = formOf(fresh);
          const kept = { ...next };
          for (const field of Object.keys(form) as Array<keyof Form>) if (!same(form[field], start[field])) (kept as Record<string, unknown>)[field] = form[field];
          setStart(next);
          setForm(kept);
          void onChanged();
        } else setError(caught);
      } else setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const problem = error instanceof ApiError ? error : null;
  const person = (id: string | null) => members.find((member) => member.id === id)?.name ?? t('nobody');
  return (
    <Dialog open title={t('editTitle')} onClose={onClose}>
      <form onSubmit={save} class="edit-incident">
        {theirs && (
          <div class="notice notice-warn" role="alert">
            <p>{t('incidentChanged')}</p>
            <ul>
              <li><strong>{t('name')}</strong> {theirs.name}</li>
              <li><strong>{t('impact')}</strong> {i(`impact_${theirs.impact}`)}</li>
              <li><strong>{t('referent')}</strong> {person(theirs.referent_id)}</li>
            </ul>
            <p>{t('incidentChangedAgain')}</p>
          </div>
        )}
        <Field id="incident-name" label={t('name')} error={problem?.at('/name')}>
          <input id="incident-name" value={form.name} onInput={set('name')} required />
        </Field>
        <Field id="incident-impact" label={t('impact')} error={problem?.at('/impact')}>
          <select id="incident-impact" value={form.impact} onChange={set('impact')}>
            {impacts.map((impact) => <option key={impact} value={impact}>{i(`impact_${impact}`)}</option>)}
          </select>
        </Field>
        <div class="grid-fields">
          <PersonSelect id="incident-referent" label={t('referent')} value={form.referent_id} members={members} onChange={set('referent_id')} error={problem?.at('/referent_id')} />
          <PersonSelect id="incident-backup" label={t('backup')} value={form.backup_referent_id} members={members} onChange={set('backup_referent_id')} error={problem?.at('/backup_referent_id')} />
          <Field id="incident-detected" label={t('detectedAt')} error={problem?.at('/detected_at')}>
            <input id="incident-detected" type="datetime-local" value={form.detected_at} onInput={set('detected_at')} />
          </Field>
          <Field id="incident-occurred" label={t('occurredAt')} error={problem?.at('/occurred_at')}>
            <input id="incident-occurred" type="datetime-local" value={form.occurred_at} onInput={set('occurred_at')} />
          </Field>
        </div>
        <ServiceChoice services={services} chosen={form.component_ids} onToggle={toggle} legend={t('services')} />
        <ErrorNotice error={error} />
        <div class="row">
          <Button type="submit" variant="primary" busy={busy}>{t('save')}</Button>
          <Button variant="quiet" onClick={onClose}>{t('cancel')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
