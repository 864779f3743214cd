import { useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ApiError, api, newIdempotencyKey, serverNow } from '../../api.ts';
import { useLanguage, useText } from '../../i18n.ts';
import { useSession } from '../../session.ts';
import { openIncidentText } from '../../text/open-incident.ts';
import type { Incident } from '../../types.ts';
import { Button, ErrorNotice, Field } from '../../ui/kit.tsx';
import { useResource } from '../../use-resource.ts';
import { PersonSelect, ServiceChoice } from '../war-room/choices.tsx';
import { fromLocalInput, toLocalInput } from '../war-room/dates.ts';
import type { Member, ServiceItem } from '../war-room/types.ts';
import type { IncidentTemplate } from './template.ts';

/** The first details of an incident from its template; opening declares it inside the crisis cell and goes to its war room. */
export function IncidentForm({ template }: { template: IncidentTemplate }) {
  const t = useText(openIncidentText);
  const language = useLanguage();
  const session = useSession();
  const { route } = useLocation();
  const members = useResource<{ members: Member[] }>('/api/admin/members');
  const services = useResource<{ components: ServiceItem[] }>('/api/admin/components');
  const [form, setForm] = useState(() => ({
    name: template.suggested_name[language],
    component_ids: [] as string[],
    referent_id: session.actor.type === 'user' ? session.actor.id : '',
    detected_at: toLocalInput(serverNow()),
    occurred_at: '',
  }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const key = useRef(newIdempotencyKey());
  const set = (field: 'name' | 'referent_id' | 'detected_at' | 'occurred_at') => (event: Event) => setForm({ ...form, [field]: (event.currentTarget as HTMLInputElement).value });

  async function open(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const incident = await api.post<Incident>(
        `/api/admin/incident-templates/${encodeURIComponent(template.key)}/open`,
        {
          name: form.name.trim(),
          component_ids: form.component_ids,
          referent_id: form.referent_id || null,
          detected_at: fromLocalInput(form.detected_at),
          ...(form.occurred_at ? { occurred_at: fromLocalInput(form.occurred_at) } : {}),
        },
        { idempotencyKey: key.current },
      );
      route(`/incidents/${encodeURIComponent(incident.id)}`);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  const problem = error instanceof ApiError ? error : null;
  return (
    <div class="open-form card">
      <h2>{t('details', { label: template.label[language] })}</h2>
      <p class="hint">{t('detailsLead')}</p>
      <form onSubmit={open}>
        <Field id="open-name" label={t('name')} hint={t('nameHint')} error={problem?.at('/name')}>
          <input id="open-name" value={form.name} onInput={set('name')} required aria-describedby="open-name-hint" />
        </Field>
        <ServiceChoice
          services={services.data?.components ?? []}
          chosen={form.component_ids}
          legend={t('services')}
          onToggle={(id, on) => setForm({ ...form, component_ids: on ? [...form.component_ids, id] : form.component_ids.filter((c) => c !== id) })}
        />
        <PersonSelect id="open-referent" label={t('referent')} value={form.referent_id} members={members.data?.members ?? []} onChange={set('referent_id')} error={problem?.at('/referent_id')} />
        <div class="open-times">
          <Field id="open-detected" label={t('detectedAt')} error={problem?.at('/detected_at')}>
            <input id="open-detected" type="datetime-local" value={form.detected_at} onInput={set('detected_at')} />
          </Field>
          <Field id="open-occurred" label={t('occurredAt')} error={problem?.at('/occurred_at')}>
            <input id="open-occurred" type="datetime-local" value={form.occurred_at} onInput={set('occurred_at')} />
          </Field>
        </div>
        {template.personal_data_breach && <p class="notice notice-warn">{t('breachNote')}</p>}
        <ErrorNotice error={problem && problem.errors.length > 0 ? null : error} />
        <Button type="submit" variant="primary" busy={busy}>{t('open')}</Button>
      </form>
      <Guidance template={template} />
    </div>
  );
}

/** What the template says to establish first and the key messages the sheet will start with. */
function Guidance({ template }: { template: IncidentTemplate }) {
  const t = useText(openIncidentText);
  const language = useLanguage();
  return (
    <div class="guidance">
      <h3>{t('establish')}</h3>
      <ul>
        {template.questions.map((question) => <li key={question.en}>{question[language]}</li>)}
      </ul>
      {template.key_messages.length > 0 && (
        <>
          <h3>{t('keyMessages')}</h3>
          <ul>
            {template.key_messages.map((message) => <li key={message.en}>{message[language]}</li>)}
          </ul>
        </>
      )}
      {template.next_update_minutes !== null && <p class="hint">{t('cadence', { minutes: template.next_update_minutes })}</p>}
    </div>
  );
}
