import { useRef, useState } from 'preact/hooks';
import { ApiError, api, newIdempotencyKey, serverNow } from '../../api.ts';
import { useLanguage, useText } from '../../i18n.ts';
import { useCan } from '../../session.ts';
import { openIncidentText } from '../../text/open-incident.ts';
import { Button, ErrorNotice, Field } from '../../ui/kit.tsx';
import { useResource } from '../../use-resource.ts';
import { ServiceChoice } from '../war-room/choices.tsx';
import { fromLocalInput, toLocalInput } from '../war-room/dates.ts';
import type { ServiceItem } from '../war-room/types.ts';
import type { IncidentTemplate } from './template.ts';

const hourMs = 3_600_000;

/** A maintenance is not an incident: planned, public at once, it starts and ends on its own at the times given. */
export function MaintenanceForm({ template }: { template: IncidentTemplate }) {
  const t = useText(openIncidentText);
  const language = useLanguage();
  const can = useCan();
  const services = useResource<{ components: ServiceItem[] }>('/api/admin/components');
  const [form, setForm] = useState(() => {
    const start = Math.ceil((serverNow() + 24 * hourMs) / hourMs) * hourMs;
    return { name: template.suggested_name[language], from: toLocalInput(start), until: toLocalInput(start + 2 * hourMs), body: '', component_ids: [] as string[] };
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [planned, setPlanned] = useState<string | null>(null);
  const key = useRef(newIdempotencyKey());
  const set = (field: 'name' | 'from' | 'until' | 'body') => (event: Event) => setForm({ ...form, [field]: (event.currentTarget as HTMLInputElement).value });

  async function plan(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { name: form.name.trim(), scheduled_for: fromLocalInput(form.from), scheduled_until: fromLocalInput(form.until), component_ids: form.component_ids, body: form.body.trim() };
      const maintenance = await api.post<{ name: string }>('/api/admin/maintenances', body, { idempotencyKey: key.current });
      setPlanned(maintenance.name);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  if (planned) {
    return (
      <div class="open-form card">
        <p class="notice notice-ok" role="status">{t('planned', { name: planned })}</p>
        <a href="/">{t('back')}</a>
      </div>
    );
  }
  const problem = error instanceof ApiError ? error : null;
  return (
    <div class="open-form card">
      <h2>{t('details', { label: template.label[language] })}</h2>
      <p class="hint">{t('maintenanceLead')}</p>
      {!can('maintenance.manage') ? (
        <p class="notice notice-warn">{t('notAllowed')}</p>
      ) : (
        <form onSubmit={plan}>
          <Field id="maintenance-name" label={t('maintenanceName')} error={problem?.at('/name')}>
            <input id="maintenance-name" value={form.name} onInput={set('name')} required />
          </Field>
          <div class="open-times">
            <Field id="maintenance-from" label={t('from')} error={problem?.at('/scheduled_for')}>
              <input id="maintenance-from" type="datetime-local" value={form.from} onInput={set('from')} required />
            </Field>
            <Field id="maintenance-until" label={t('until')} error={problem?.at('/scheduled_until')}>
              <input id="maintenance-until" type="datetime-local" value={form.until} onInput={set('until')} required />
            </Field>
          </div>
          <ServiceChoice
            services={services.data?.components ?? []}
            chosen={form.component_ids}
            legend={t('services')}
            onToggle={(id, on) => setForm({ ...form, component_ids: on ? [...form.component_ids, id] : form.component_ids.filter((c) => c !== id) })}
          />
          <Field id="maintenance-body" label={t('announcement')} hint={t('announcementHint')} error={problem?.at('/body')}>
            <textarea id="maintenance-body" value={form.body} onInput={set('body')} required aria-describedby="maintenance-body-hint" />
          </Field>
          <ErrorNotice error={problem && problem.errors.length > 0 ? null : error} />
          <Button type="submit" variant="primary" busy={busy}>{t('plan')}</Button>
        </form>
      )}
    </div>
  );
}
