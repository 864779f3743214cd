import { useState } from 'preact/hooks';
import { api } from '../../api.ts';
import { useLanguage, useText } from '../../i18n.ts';
import { Checkbox, FormError, described, fieldError, useAction, useDraft } from '../../ui/back-office.tsx';
import { ErrorNotice, Field, Loading } from '../../ui/kit.tsx';
import { useResource } from '../../use-resource.ts';
import { SaveBar, type CommsSettings } from './parts.tsx';
import { settingsText } from './text.ts';

const impacts = ['critical', 'major', 'minor', 'none'] as const;
const numberFields = ['first_message_minutes', 'remind_before_minutes', 'escalate_after_minutes'] as const;

type Draft = Record<(typeof numberFields)[number] | `cadence_${(typeof impacts)[number]}`, string> & { four_eyes: boolean; status_page_audience: string; notice_hours: string };

function toDraft(data: CommsSettings): Draft {
  return {
    first_message_minutes: String(data.first_message_minutes),
    remind_before_minutes: String(data.remind_before_minutes),
    escalate_after_minutes: String(data.escalate_after_minutes),
    cadence_critical: String(data.cadence.critical),
    cadence_major: String(data.cadence.major),
    cadence_minor: String(data.cadence.minor),
    cadence_none: String(data.cadence.none),
    four_eyes: data.four_eyes,
    status_page_audience: data.status_page_audience,
    notice_hours: data.maintenance_notice_hours.join(', '),
  };
}

/** A number as typed: the server says what is wrong with anything that is not one. */
const asNumber = (value: string) => (value.trim() === '' ? null : Number(value));

/** First-message deadline, cadence per impact, four-eyes review, status page audience, reminders. */
export function CommunicationTab() {
  const t = useText(settingsText);
  const language = useLanguage();
  const settings = useResource<CommsSettings>('/api/admin/settings/communication');
  const [draft, setDraftState] = useDraft(settings.data, toDraft);
  const [hoursInvalid, setHoursInvalid] = useState(false);
  const action = useAction();
  if (!draft || !settings.data) return settings.error ? <ErrorNotice error={settings.error} onRetry={settings.reload} /> : <Loading />;
  const version = settings.data.version;
  const set = (patch: Partial<Draft>) => {
    action.clear();
    setDraftState({ ...draft, ...patch });
  };

  async function submit(event: Event) {
    event.preventDefault();
    const hours = draft!.notice_hours.split(/[\s,;]+/).filter(Boolean).map(Number);
    setHoursInvalid(hours.some((hour) => !Number.isInteger(hour)));
    if (hours.some((hour) => !Number.isInteger(hour))) return;
    const body = {
      first_message_minutes: asNumber(draft!.first_message_minutes),
      remind_before_minutes: asNumber(draft!.remind_before_minutes),
      escalate_after_minutes: asNumber(draft!.escalate_after_minutes),
      cadence: Object.fromEntries(impacts.map((impact) => [impact, asNumber(draft![`cadence_${impact}`])])),
      four_eyes: draft!.four_eyes,
      status_page_audience: draft!.status_page_audience,
      maintenance_notice_hours: hours,
    };
    await action.run(() => api.patch('/api/admin/settings/communication', body, { ifMatch: version }));
    await settings.reload();
  }

  const error = (pointer: string) => fieldError(action.error, pointer);
  const numberField = (field: (typeof numberFields)[number], label: string, hint?: string) => (
    <Field id={`comm-${field}`} label={label} hint={hint} error={error(`/${field}`)}>
      <input {...described(`comm-${field}`, error(`/${field}`), hint)} type="number" inputMode="numeric" value={draft[field]} onInput={(e) => set({ [field]: e.currentTarget.value })} />
    </Field>
  );
  const hoursError = hoursInvalid ? t('noticeHoursInvalid') : error('/maintenance_notice_hours');
  return (
    <form class="card settings-form" onSubmit={submit} noValidate>
      <p class="hint">{t('commLead')}</p>
      {numberField('first_message_minutes', t('firstMessage'), t('firstMessageHint'))}
      <fieldset class="cadence">
        <legend>{t('cadenceTitle')}</legend>
        <p class="hint">{t('cadenceHint')}</p>
        <div class="bo-form-grid">
          {impacts.map((impact) => (
            <Field key={impact} id={`cadence-${impact}`} label={t(`cadence_${impact}`)} error={error(`/cadence/${impact}`)}>
              <input {...described(`cadence-${impact}`, error(`/cadence/${impact}`))} type="number" inputMode="numeric" value={draft[`cadence_${impact}`]} onInput={(e) => set({ [`cadence_${impact}`]: e.currentTarget.value })} />
            </Field>
          ))}
        </div>
      </fieldset>
      <Checkbox id="comm-four-eyes" label={t('fourEyes')} hint={t('fourEyesHint')} checked={draft.four_eyes} onChange={(four_eyes) => set({ four_eyes })} error={error('/four_eyes')} />
      <Field id="comm-status-audience" label={t('statusPageAudience')} hint={t('statusPageAudienceHint')} error={error('/status_page_audience')}>
        <select {...described('comm-status-audience', error('/status_page_audience'), 'hint')} value={draft.status_page_audience} onChange={(e) => set({ status_page_audience: e.currentTarget.value })}>
          {settings.data.audiences.map((audience) => (
            <option key={audience.id} value={audience.id}>
              {audience.name[language]}
            </option>
          ))}
        </select>
      </Field>
      <div class="bo-form-grid">
        {numberField('remind_before_minutes', t('remindBefore'))}
        {numberField('escalate_after_minutes', t('escalateAfter'))}
      </div>
      <Field id="comm-notice-hours" label={t('noticeHours')} hint={t('noticeHoursHint')} error={hoursError}>
        <input {...described('comm-notice-hours', hoursError, 'hint')} value={draft.notice_hours} onInput={(e) => set({ notice_hours: e.currentTarget.value })} />
      </Field>
      <FormError error={action.error} fields={['/first_message_minutes', '/remind_before_minutes', '/escalate_after_minutes', '/cadence/', '/four_eyes', '/status_page_audience', '/maintenance_notice_hours']} />
      <SaveBar busy={action.busy} saved={action.succeeded} />
    </form>
  );
}
