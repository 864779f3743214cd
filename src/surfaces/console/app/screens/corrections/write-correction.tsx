import { useId, useState } from 'preact/hooks';
import { ApiError, api, newIdempotencyKey } from '../../api.ts';
import { useText } from '../../i18n.ts';
import { Button, ErrorNotice, Field } from '../../ui/kit.tsx';
import { correctionsText } from './text.ts';
import type { Correction, Rumor } from './types.ts';

const languages = ['en', 'fr'] as const;
const describedBy = (fieldId: string, error: string | undefined) => (error ? `${fieldId}-hint ${fieldId}-error` : `${fieldId}-hint`);

/** What was said and what is true, per language → a rumor_correction message to review. */
export function WriteCorrection({ incidentId, rumor, onCreated, onCancel }: { incidentId: string; rumor: Rumor; onCreated: (correction: Correction) => void; onCancel: () => void }) {
  const t = useText(correctionsText);
  const id = useId();
  const [said, setSaid] = useState({ en: rumor.text, fr: rumor.text });
  const [truth, setTruth] = useState({ en: '', fr: '' });
  const [email, setEmail] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [key] = useState(newIdempotencyKey);
  const problem = error instanceof ApiError ? error : null;
  const truthError = (language: 'en' | 'fr') => problem?.at(`/truth/${language}`) ?? problem?.at('/truth');

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const written = languages.filter((language) => truth[language].trim() !== '');
    const body = {
      rumor_id: rumor.id,
      said: Object.fromEntries(written.map((language) => [language, said[language]])),
      truth: Object.fromEntries(written.map((language) => [language, truth[language]])),
      channels: email ? ['email'] : [],
    };
    try {
      onCreated(await api.post<Correction>(`/api/admin/incidents/${encodeURIComponent(incidentId)}/corrections`, body, { idempotencyKey: key }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card correction-form" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h3 id={`${id}-title`}>{t('writeTitle', { rumor: rumor.text })}</h3>
      <ErrorNotice error={error} />
      <div class="correction-columns">
        {languages.map((language) => (
          <fieldset key={language}>
            <legend>{t(language)}</legend>
            <Field id={`${id}-said-${language}`} label={t('said', { language: t(language) })} hint={t('saidHint')} error={problem?.at(`/said/${language}`)}>
              <textarea id={`${id}-said-${language}`} aria-describedby={describedBy(`${id}-said-${language}`, problem?.at(`/said/${language}`))} aria-invalid={problem?.at(`/said/${language}`) ? true : undefined} value={said[language]} onInput={(e) => setSaid({ ...said, [language]: e.currentTarget.value })} />
            </Field>
            <Field id={`${id}-truth-${language}`} label={t('truth', { language: t(language) })} hint={t('truthHint')} error={truthError(language)}>
              <textarea id={`${id}-truth-${language}`} aria-describedby={describedBy(`${id}-truth-${language}`, truthError(language))} aria-invalid={truthError(language) ? true : undefined} value={truth[language]} onInput={(e) => setTruth({ ...truth, [language]: e.currentTarget.value })} />
            </Field>
          </fieldset>
        ))}
      </div>
      <p class="check">
        <label>
          <input type="checkbox" checked={email} onChange={(e) => setEmail(e.currentTarget.checked)} /> {t('email')}
        </label>
      </p>
      <div class="row">
        <Button type="submit" variant="primary" busy={busy}>
          {t('create')}
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
