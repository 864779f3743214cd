import { useEffect, useState } from 'preact/hooks';
import { highlightParts } from '../../../../../domain/listening/keywords.ts';
import { api } from '../../api.ts';
import { formatDateTime, useLanguage, useText } from '../../i18n.ts';
import { useCan } from '../../session.ts';
import { FormError, described, fieldError, useAction } from '../../ui/back-office.tsx';
import { Button, Dialog, ErrorNotice, Field, Loading, Pill } from '../../ui/kit.tsx';
import { useResource } from '../../use-resource.ts';
import type { IncidentChoice, Mention, MentionPage, MentionState } from './model.ts';
import { listeningText } from './text.ts';

const states: MentionState[] = ['new', 'dismissed', 'rumor'];

/** The mentions in one state, newest first; new ones can be dismissed or turned into rumors. */
export function Inbox({ onChange }: { onChange: () => void }) {
  const t = useText(listeningText);
  const [state, setState] = useState<MentionState>('new');
  const [cursor, setCursor] = useState<string | null>(null);
  const [shown, setShown] = useState<Mention[]>([]);
  const page = useResource<MentionPage>(`/api/admin/listening/mentions?state=${state}&limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
  const [rumorOf, setRumorOf] = useState<Mention | null>(null);

  useEffect(() => {
    if (!page.data) return;
    setShown((before) => (cursor ? [...before.filter((m) => !page.data!.mentions.some((n) => n.id === m.id)), ...page.data!.mentions] : page.data!.mentions));
  }, [page.data]);

  async function refresh() {
    setCursor(null);
    await page.reload();
    onChange();
  }
  const counts = page.data?.counts;
  return (
    <div class="listening-inbox">
      <fieldset class="listening-states">
        <legend>{t('stateLabel')}</legend>
        {states.map((each) => (
          <label key={each} class={`listening-state${each === state ? ' is-current' : ''}`}>
            <input type="radio" name="mention-state" value={each} checked={each === state} onChange={() => { setCursor(null); setShown([]); setState(each); }} />
            {t(`state_${each}`, { count: counts?.[each] ?? 0 })}
          </label>
        ))}
      </fieldset>
      {page.error ? <ErrorNotice error={page.error} onRetry={page.reload} /> : null}
      {!page.data && page.loading ? <Loading /> : null}
      {page.data && shown.length === 0 ? <p class="empty">{state === 'new' ? t('emptyNew') : t('emptyOther')}</p> : null}
      <ul class="listening-mentions">
        {shown.map((mention) => (
          <li key={mention.id}>
            <MentionCard mention={mention} onRumor={() => setRumorOf(mention)} onDecided={refresh} />
          </li>
        ))}
      </ul>
      {page.data?.next_cursor ? <Button onClick={() => setCursor(page.data!.next_cursor)}>{t('more')}</Button> : null}
      {rumorOf ? <RumorDialog mention={rumorOf} onClose={() => setRumorOf(null)} onDone={async () => { setRumorOf(null); await refresh(); }} /> : null}
    </div>
  );
}

function MentionCard({ mention, onRumor, onDecided }: { mention: Mention; onRumor: () => void; onDecided: () => Promise<void> }) {
  const t = useText(listeningText);
  const language = useLanguage();
  const can = useCan();
  const dismiss = useAction();
  const author = mention.author ?? t('someone');
  const headingId = `mention-${mention.id}`;
  return (
    <article class="card listening-mention" aria-labelledby={headingId}>
      <header class="listening-mention-head">
        <h3 id={headingId}>{t('mentionBy', { author, source: mention.source_name })}</h3>
        <time dateTime={mention.published_at}>{formatDateTime(mention.published_at, language)}</time>
      </header>
      <p class="listening-text">
        {highlightParts(mention.text, mention.keywords).map((part, index) => (part.keyword ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
      </p>
      <p class="listening-keywords">
        <span class="visually-hidden">{t('keywordsFound')}: </span>
        {mention.keywords.map((keyword) => <Pill key={keyword} tone="info">{keyword}</Pill>)}
      </p>
      {mention.state === 'dismissed' && mention.decided_at ? <p class="hint">{t('dismissedBy', { who: mention.decided_by ?? '', when: formatDateTime(mention.decided_at, language) })}</p> : null}
      {mention.state === 'rumor' && mention.decided_at ? (
        <p class="hint">
          {t('rumorOn', { who: mention.decided_by ?? '', when: formatDateTime(mention.decided_at, language) })} · <a href={`/incidents/${mention.incident_id}`}>{t('seeSheet')}</a>
        </p>
      ) : null}
      <ErrorNotice error={dismiss.error} />
      <div class="listening-actions">
        {mention.url ? <a class="btn btn-quiet" href={mention.url} target="_blank" rel="noopener noreferrer" aria-label={t('openOriginalOf', { author })}>{t('openOriginal')}</a> : null}
        {mention.state === 'new' && can('listening.manage') ? (
          <>
            {can('facts.edit') ? <Button variant="primary" onClick={onRumor} aria-label={t('toRumorOf', { author })}>{t('toRumor')}</Button> : null}
            <Button busy={dismiss.busy} onClick={async () => { if (await dismiss.run(() => api.post(`/api/admin/listening/mentions/${mention.id}/dismiss`))) await onDecided(); }} aria-label={t('dismissOf', { author })}>
              {t('dismiss')}
            </Button>
          </>
        ) : null}
      </div>
    </article>
  );
}

function RumorDialog({ mention, onClose, onDone }: { mention: Mention; onClose: () => void; onDone: () => Promise<void> }) {
  const t = useText(listeningText);
  const incidents = useResource<{ incidents: IncidentChoice[] }>('/api/admin/incidents?status=open&limit=100');
  const [incidentId, setIncidentId] = useState('');
  const [text, setText] = useState(mention.text);
  const save = useAction();
  const choices = incidents.data?.incidents ?? [];
  const chosen = incidentId || choices[0]?.id || '';
  async function submit(event: Event) {
    event.preventDefault();
    if (await save.run(() => api.post(`/api/admin/listening/mentions/${mention.id}/rumor`, { incident_id: chosen, ...(text.trim() !== mention.text ? { text } : {}) }))) await onDone();
  }
  return (
    <Dialog open title={t('rumorTitle')} onClose={onClose}>
      {incidents.error ? <ErrorNotice error={incidents.error} /> : null}
      {incidents.data && choices.length === 0 ? <p class="notice notice-warn">{t('noIncident')}</p> : null}
      {choices.length > 0 ? (
        <form class="stack" onSubmit={submit}>
          <Field id="rumor-incident" label={t('rumorIncident')} hint={t('rumorIncidentHint')} error={fieldError(save.error, '/incident_id')}>
            <select {...described('rumor-incident', fieldError(save.error, '/incident_id'), t('rumorIncidentHint'))} value={chosen} onChange={(e) => setIncidentId(e.currentTarget.value)}>
              {choices.map((incident) => <option key={incident.id} value={incident.id}>{incident.name}</option>)}
            </select>
          </Field>
          <Field id="rumor-text" label={t('rumorText')} error={fieldError(save.error, '/text')}>
            <textarea {...described('rumor-text', fieldError(save.error, '/text'))} rows={4} value={text} onInput={(e) => setText(e.currentTarget.value)} />
          </Field>
          <FormError error={save.error} fields={['/incident_id', '/text']} />
          <div class="listening-actions">
            <Button type="submit" variant="primary" busy={save.busy}>{t('record')}</Button>
            <Button onClick={onClose}>{t('cancel')}</Button>
          </div>
        </form>
      ) : null}
    </Dialog>
  );
}
