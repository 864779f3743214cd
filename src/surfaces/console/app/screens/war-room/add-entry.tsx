import { useRef, useState } from 'preact/hooks';
import { ApiError, api, newIdempotencyKey } from '../../api.ts';
import { useLanguage, useText } from '../../i18n.ts';
import { factSheetText } from '../../text/fact-sheet.ts';
import { Button, ErrorNotice, Field } from '../../ui/kit.tsx';
import { fromLocalInput } from './dates.ts';
import type { HandKind } from './types.ts';

const empty = { text: '', source: '', due: '', promiseKind: 'other', language: '', people: '', records: '' };

/** "Add a fact" and its short form, in place, under the section it adds to. */
export function AddEntry({ incidentId, kind, onAdded }: { incidentId: string; kind: HandKind; onAdded: () => Promise<void> }) {
  const t = useText(factSheetText);
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(empty);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const key = useRef(newIdempotencyKey());
  const opener = useRef<HTMLButtonElement>(null);
  const id = `add-${kind}`;
  const set = (field: keyof typeof empty) => (event: Event) => setForm({ ...form, [field]: (event.currentTarget as HTMLInputElement).value });

  function close() {
    setOpen(false);
    setForm(empty);
    setError(null);
    key.current = newIdempotencyKey();
    requestAnimationFrame(() => opener.current?.focus());
  }

  async function add(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/admin/incidents/${encodeURIComponent(incidentId)}/facts/entries`, bodyFor(kind, form, language), { idempotencyKey: key.current });
      await onAdded();
      close();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <button ref={opener} type="button" class="btn btn-quiet add-entry" onClick={() => setOpen(true)}>
        + {t(`add_${kind}`)}
      </button>
    );
  }
  const problem = error instanceof ApiError ? error : null;
  const sourceLabel = kind === 'rumor' ? t('sourceRumor') : kind === 'promised' ? t('sourcePromised') : t('source');
  return (
    <form class="add-form" onSubmit={add} aria-label={t(`add_${kind}`)}>
      <Field id={`${id}-text`} label={t(`text_${kind}`)} error={problem?.at('/text')}>
        <textarea id={`${id}-text`} value={form.text} onInput={set('text')} rows={2} required autoFocus />
      </Field>
      {kind !== 'key_message' && (
        <Field id={`${id}-source`} label={sourceLabel} hint={kind === 'rumor' || kind === 'promised' ? undefined : t('sourceHint')} error={problem?.at('/source')}>
          <input id={`${id}-source`} value={form.source} onInput={set('source')} required={kind !== 'promised'} aria-describedby={kind === 'known' || kind === 'unconfirmed' ? `${id}-source-hint` : undefined} />
        </Field>
      )}
      {kind === 'known' && (
        <div class="add-figures">
          <Field id={`${id}-people`} label={t('people')} error={problem?.at('/figures/affected_people')}>
            <input id={`${id}-people`} type="number" min={0} inputMode="numeric" value={form.people} onInput={set('people')} />
          </Field>
          <Field id={`${id}-records`} label={t('records')} error={problem?.at('/figures/records')}>
            <input id={`${id}-records`} type="number" min={0} inputMode="numeric" value={form.records} onInput={set('records')} />
          </Field>
        </div>
      )}
      {kind === 'promised' && (
        <div class="add-figures">
          <Field id={`${id}-kind`} label={t('promiseKind')} error={problem?.at('/promise_kind')}>
            <select id={`${id}-kind`} value={form.promiseKind} onChange={set('promiseKind')}>
              {(['compensation', 'follow_up_report', 'other'] as const).map((value) => (
                <option key={value} value={value}>{t(`promise_${value}_label`)}</option>
              ))}
            </select>
          </Field>
          <Field id={`${id}-due`} label={t('due')} error={problem?.at('/due_at')}>
            <input id={`${id}-due`} type="datetime-local" value={form.due} onInput={set('due')} />
          </Field>
        </div>
      )}
      {kind === 'key_message' && (
        <Field id={`${id}-language`} label={t('language')} error={problem?.at('/language')}>
          <select id={`${id}-language`} value={form.language || language} onChange={set('language')}>
            <option value="fr" lang="fr">Français</option>
            <option value="en" lang="en">English</option>
          </select>
        </Field>
      )}
      <ErrorNotice error={problem && problem.errors.length > 0 ? null : error} />
      <div class="row">
        <Button type="submit" variant="primary" busy={busy}>{busy ? t('adding') : t('add')}</Button>
        <Button variant="quiet" onClick={close}>{t('cancel')}</Button>
      </div>
    </form>
  );
}

function bodyFor(kind: HandKind, form: typeof empty, language: string): Record<string, unknown> {
  const text = form.text.trim();
  const source = form.source.trim();
  switch (kind) {
    case 'known': {
      const figures: Record<string, number> = {};
      if (form.people !== '') figures.affected_people = Number(form.people);
      if (form.records !== '') figures.records = Number(form.records);
      return { kind, text, source, ...(Object.keys(figures).length > 0 ? { figures } : {}) };
    }
    case 'unconfirmed':
    case 'rumor':
      return { kind, text, source };
    case 'promised':
      return { kind, text, promise_kind: form.promiseKind, due_at: fromLocalInput(form.due), source: source || null };
    case 'key_message':
      return { kind, text, language: form.language || language };
  }
}
