import { useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ApiError, api, newIdempotencyKey } from '../../api.ts';
import { useLanguage, useText } from '../../i18n.ts';
import { warRoomText } from '../../text/war-room.ts';
import type { Incident } from '../../types.ts';
import { Button, Dialog, ErrorNotice, Field } from '../../ui/kit.tsx';
import type { CommsSettings, FactSheet, MessageSummary } from './types.ts';
import './choices.css';

// A correction starts from its rumor, on the corrections screen: it is not written from here.
const stages = ['first', 'update', 'identified', 'monitoring', 'resolved', 'closing', 'breach_notice', 'compensation'] as const;
const channels = ['status_page', 'email', 'sms', 'chat', 'social', 'support_script', 'press'] as const;
const languages = ['fr', 'en'] as const;

/** The stage a new message most likely is: the first while nothing is public, the closing one once resolved, else an update. */
function likelyStage(incident: Incident, messages: MessageSummary[]): (typeof stages)[number] {
  if (incident.status === 'resolved' || incident.status === 'postmortem') return 'closing';
  return incident.visibility === 'internal' && !messages.some((message) => message.state === 'published') ? 'first' : 'update';
}

/** "Write a message": what kind, for whom, in which languages, where; then the composer opens on it. */
export function WriteMessage({ incident, sheet, settings, messages }: { incident: Incident; sheet: FactSheet | undefined; settings: CommsSettings | undefined; messages: MessageSummary[] }) {
  const t = useText(warRoomText);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>{t('write')}</Button>
      {open && <WriteDialog incident={incident} sheet={sheet} settings={settings} messages={messages} onClose={() => setOpen(false)} />}
    </>
  );
}

function WriteDialog({ incident, sheet, settings, messages, onClose }: { incident: Incident; sheet: FactSheet | undefined; settings: CommsSettings | undefined; messages: MessageSummary[]; onClose: () => void }) {
  const t = useText(warRoomText);
  const language = useLanguage();
  const { route } = useLocation();
  const audiences = settings?.audiences ?? [];
  const [stage, setStage] = useState(likelyStage(incident, messages));
  const [chosen, setChosen] = useState({
    audiences: sheet && sheet.audiences.length > 0 ? sheet.audiences : [settings?.status_page_audience ?? 'customers'],
    languages: [...languages] as string[],
    channels: ['status_page', 'email'] as string[],
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const key = useRef(newIdempotencyKey());
  const toggle = (group: keyof typeof chosen, value: string, on: boolean) =>
    setChosen({ ...chosen, [group]: on ? [...chosen[group], value] : chosen[group].filter((item) => item !== value) });

  async function start(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const message = await api.post<{ id: string }>(`/api/admin/incidents/${encodeURIComponent(incident.id)}/messages`, { stage, ...chosen }, { idempotencyKey: key.current });
      route(`/incidents/${encodeURIComponent(incident.id)}/messages/${encodeURIComponent(message.id)}`);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  const problem = error instanceof ApiError ? error : null;
  const group = (name: keyof typeof chosen, legend: string, options: ReadonlyArray<{ value: string; label: string }>) => (
    <fieldset class={`choice${problem?.at(`/${name}`) ? ' field-invalid' : ''}`}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} class="check">
          <input type="checkbox" checked={chosen[name].includes(option.value)} onChange={(event) => toggle(name, option.value, event.currentTarget.checked)} />
          {option.label}
        </label>
      ))}
      {problem?.at(`/${name}`) && <p class="field-error" role="alert">{chosen[name].length === 0 ? t('pickOne') : problem.at(`/${name}`)}</p>}
    </fieldset>
  );
  return (
    <Dialog open title={t('writeTitle')} onClose={onClose}>
      <form onSubmit={start} class="write-message">
        <p class="lead">{t('writeLead')}</p>
        <Field id="message-stage" label={t('stage')} error={problem?.at('/stage')}>
          <select id="message-stage" value={stage} onChange={(event) => setStage(event.currentTarget.value as typeof stage)}>
            {stages.map((value) => <option key={value} value={value}>{t(`stage_${value}`)}</option>)}
          </select>
        </Field>
        {group('audiences', t('audiences'), audiences.map((audience) => ({ value: audience.id, label: audience.name[language] })))}
        {group('languages', t('languages'), languages.map((value) => ({ value, label: t(`language_${value}`) })))}
        {group('channels', t('channels'), channels.map((value) => ({ value, label: t(`channel_${value}`) })))}
        <ErrorNotice error={problem && problem.errors.length > 0 ? null : error} />
        <div class="row">
          <Button type="submit" variant="primary" busy={busy}>{t('start')}</Button>
          <Button variant="quiet" onClick={onClose}>{t('cancel')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
