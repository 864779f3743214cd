import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, newIdempotencyKey } from '../../api.ts';
import { useLanguage, useText } from '../../i18n.ts';
import { Button, ErrorNotice, Field, Loading } from '../../ui/kit.tsx';
import { useResource } from '../../use-resource.ts';
import { draftChannels, type Audience, type ClosingDraft, type DraftChannel } from './model.ts';
import { closingText } from './text.ts';

/** The structured draft for the chosen audience, language and channel, and the button that creates the message. */
export function DraftPreview({ incidentId, audiences, defaultAudience, canWrite, canSetFeedback }: { incidentId: string; audiences: Audience[]; defaultAudience: string; canWrite: boolean; canSetFeedback: boolean }) {
  const t = useText(closingText);
  const uiLanguage = useLanguage();
  const [audience, setAudience] = useState(defaultAudience);
  const [language, setLanguage] = useState<'fr' | 'en'>(uiLanguage);
  const [channel, setChannel] = useState<DraftChannel>('email');
  const query = new URLSearchParams({ audience, language, channel }).toString();
  const draft = useResource<ClosingDraft>(`/api/admin/incidents/${encodeURIComponent(incidentId)}/closing-draft?${query}`);
  return (
    <>
      <section class="card closing-draft" aria-labelledby="closing-draft-title">
        <h2 id="closing-draft-title">{t('draftTitle')}</h2>
        <div class="row closing-pickers">
          <Field id="closing-audience" label={t('audience')}>
            <select id="closing-audience" value={audience} onChange={(e) => setAudience(e.currentTarget.value)}>
              {audiences.map((a) => <option key={a.id} value={a.id}>{a.name[uiLanguage]}</option>)}
            </select>
          </Field>
          <Field id="closing-language" label={t('language')}>
            <select id="closing-language" value={language} onChange={(e) => setLanguage(e.currentTarget.value as 'fr' | 'en')}>
              <option value="fr">{t('language_fr')}</option>
              <option value="en">{t('language_en')}</option>
            </select>
          </Field>
          <Field id="closing-channel" label={t('channel')}>
            <select id="closing-channel" value={channel} onChange={(e) => setChannel(e.currentTarget.value as DraftChannel)}>
              {draftChannels.map((c) => <option key={c} value={c}>{t(`channel_${c}`)}</option>)}
            </select>
          </Field>
        </div>
        <ErrorNotice error={draft.error} onRetry={draft.reload} />
        {!draft.data ? draft.loading && <Loading /> : <Sections draft={draft.data} />}
        {draft.data?.missing.includes('feedback') && canSetFeedback && <FeedbackSetting onSaved={draft.reload} />}
      </section>
      {canWrite && <CreateClosing incidentId={incidentId} audience={audience} language={language} />}
    </>
  );
}

function Sections({ draft }: { draft: ClosingDraft }) {
  const t = useText(closingText);
  const { sections } = draft;
  const missing = (text: string | null) => text ?? <span class="closing-missing">{t('notFound')}</span>;
  return (
    <div class="closing-sections">
      <dl>
        <dt>{t('chronology')}</dt>
        <dd>
          <ol class="closing-chronology">
            {sections.chronology.map((line) => <li key={line.at + line.text}>{line.text}</li>)}
          </ol>
        </dd>
        <dt>{t('cause')}</dt>
        <dd>{missing(sections.cause)}</dd>
        <dt>{t('actions')}</dt>
        <dd>{missing(sections.corrective_actions.length > 0 ? sections.corrective_actions.join(' ') : null)}</dd>
        <dt>{t('nextSteps')}</dt>
        <dd>{sections.next_steps.length > 0 ? <ul>{sections.next_steps.map((s) => <li key={s.promise_id}>{s.text}</li>)}</ul> : t('none')}</dd>
        <dt>{t('feedback')}</dt>
        <dd>{missing(sections.feedback)}</dd>
        <dt>{t('apology')}</dt>
        <dd>{sections.apology}</dd>
      </dl>
      <h3>{t('preview')}</h3>
      <div class="closing-preview" lang={draft.language}>
        {draft.subject && (
          <p>
            <strong>{t('subject')}</strong> {draft.subject}
          </p>
        )}
        <pre>{draft.body}</pre>
      </div>
    </div>
  );
}

function FeedbackSetting({ onSaved }: { onSaved: () => void }) {
  const t = useText(closingText);
  const [contact, setContact] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.put('/api/admin/closing/settings', { feedback_contact: contact });
      onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form class="stack closing-feedback" onSubmit={save}>
      <Field id="closing-feedback" label={t('feedbackContact')} hint={t('feedbackHint')}>
        <input id="closing-feedback" type="text" value={contact} aria-describedby="closing-feedback-hint" onInput={(e) => setContact(e.currentTarget.value)} />
      </Field>
      <div class="row">
        <Button type="submit" busy={busy}>{t('save')}</Button>
      </div>
      <ErrorNotice error={error} />
    </form>
  );
}

function CreateClosing({ incidentId, audience, language }: { incidentId: string; audience: string; language: 'fr' | 'en' }) {
  const t = useText(closingText);
  const { route } = useLocation();
  const [channels, setChannels] = useState<DraftChannel[]>(['status_page', 'email']);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const key = useRef(newIdempotencyKey());
  useEffect(() => {
    key.current = newIdempotencyKey();
  }, [audience, language, channels]);
  async function create(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const message = await api.post<{ id: string }>(`/api/admin/incidents/${encodeURIComponent(incidentId)}/closing`, { audiences: [audience], languages: [language], channels }, { idempotencyKey: key.current });
      route(`/incidents/${encodeURIComponent(incidentId)}/messages/${encodeURIComponent(message.id)}`);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }
  return (
    <section class="card closing-create" aria-labelledby="closing-create-title">
      <h2 id="closing-create-title">{t('createTitle')}</h2>
      <p class="hint">{t('createLead')}</p>
      <form class="stack" onSubmit={create}>
        <fieldset>
          <legend>{t('channels')}</legend>
          <div class="row">
            {draftChannels.map((c) => (
              <label key={c} class="closing-check">
                <input type="checkbox" checked={channels.includes(c)} onChange={(e) => setChannels(e.currentTarget.checked ? [...channels, c] : channels.filter((x) => x !== c))} /> {t(`channel_${c}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div class="row">
          <Button type="submit" variant="primary" busy={busy} disabled={channels.length === 0}>{t('create')}</Button>
        </div>
        <ErrorNotice error={error} />
      </form>
    </section>
  );
}
