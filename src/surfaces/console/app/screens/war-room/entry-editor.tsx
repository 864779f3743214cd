import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../../api.ts';
import { formatTime, useLanguage, useText } from '../../i18n.ts';
import { factSheetText } from '../../text/fact-sheet.ts';
import { Button, ErrorNotice, Field } from '../../ui/kit.tsx';
import { fromLocalInput, toLocalInput } from './dates.ts';
import { editableFields, entryPath, latestVersion, sourceOf } from './entry-actions.ts';
import type { FactEntry } from './types.ts';

interface Draft {
  text: string;
  source: string;
  due: string;
  correction: string;
}

function draftOf(entry: FactEntry): Draft {
  return {
    text: entry.text,
    source: sourceOf(entry) ?? '',
    due: entry.kind === 'promised' ? toLocalInput(entry.due_at) : '',
    correction: entry.kind === 'rumor' ? (entry.correction ?? '') : '',
  };
}

/**
 * Edits in progress, by entry: a confirmed hypothesis moves to another section of the sheet, and
 * its editor with it; the person's text is picked up there rather than lost.
 */
const openEdits = new Map<string, { start: Draft; draft: Draft; against: number }>();

export function isBeingEdited(entryId: string): boolean {
  return openEdits.has(entryId);
}

/**
 * Corrects an entry. The save names the version the person started from: if someone saved in
 * between, the server refuses it (412), their version is shown, and the person's text stays in the
 * form until they save again on purpose or cancel. Nothing is overwritten silently.
 */
export function EntryEditor({ entry, incidentId, onDone, onChanged }: { entry: FactEntry; incidentId: string; onDone: () => void; onChanged: () => Promise<void> }) {
  const t = useText(factSheetText);
  const language = useLanguage();
  const [start] = useState(() => openEdits.get(entry.id)?.start ?? draftOf(entry));
  const [draft, setDraft] = useState(() => openEdits.get(entry.id)?.draft ?? start);
  const [against, setAgainst] = useState(() => openEdits.get(entry.id)?.against ?? entry.version);
  useEffect(() => void openEdits.set(entry.id, { start, draft, against }), [entry.id, start, draft, against]);
  const finish = () => {
    openEdits.delete(entry.id);
    onDone();
  };
  const [refused, setRefused] = useState<{ entry: FactEntry; by: string | null; at: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fields = editableFields(entry);
  const id = `edit-${entry.id}`;
  // The newest version someone else saved: from the refused save, or from the live sheet since.
  const theirs = entry.version > against ? entry : refused?.entry;
  const set = (field: keyof Draft) => (event: Event) => setDraft({ ...draft, [field]: (event.currentTarget as HTMLInputElement).value });

  async function save(event: Event) {
    event.preventDefault();
    const changes: Record<string, unknown> = {};
    if (draft.text !== start.text) changes.text = draft.text;
    if (fields.includes('source') && draft.source !== start.source) changes.source = draft.source.trim() || null;
    if (fields.includes('due_at') && draft.due !== start.due) changes.due_at = fromLocalInput(draft.due);
    if (fields.includes('correction') && draft.correction !== start.correction) changes.correction = draft.correction.trim() || null;
    if (Object.keys(changes).length === 0) return finish();
    setBusy(true);
    setError(null);
    try {
      const saved = await api.patch<FactEntry>(entryPath(incidentId, entry.id), changes, { ifMatch: against });
      // Our own save moves the version on: not someone else's change.
      setAgainst(saved.version);
      await onChanged();
      finish();
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 412) {
        const latest = await latestVersion(incidentId, entry.id).catch(() => null);
        if (latest) {
          setRefused(latest);
          setAgainst(latest.entry.version);
        } else setError(caught);
        void onChanged();
      } else setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const problem = error instanceof ApiError ? error : null;
  return (
    <form class="entry-editor" onSubmit={save} aria-label={t('editLabel', { text: entry.text.slice(0, 60) })}>
      {refused && (
        <div class="notice notice-warn" role="alert">
          <p>{t('conflictSaved', { name: refused.by ?? t('someone'), when: formatTime(refused.at, language) })}</p>
        </div>
      )}
      {!refused && theirs && (
        <div class="notice notice-warn" role="status">
          <p>{t('changedMeanwhile')}</p>
        </div>
      )}
      {theirs && (
        <figure class="their-version">
          <figcaption>{t('theirVersion')}</figcaption>
          <blockquote>{theirs.text}</blockquote>
          {sourceOf(theirs) && <p class="meta">{t('sourceLine', { source: sourceOf(theirs) })}</p>}
        </figure>
      )}
      <Field id={`${id}-text`} label={t(`text_${entry.kind === 'said' ? 'known' : entry.kind}`)} error={problem?.at('/text')}>
        <textarea id={`${id}-text`} value={draft.text} onInput={set('text')} rows={3} required autoFocus />
      </Field>
      {fields.includes('source') && (
        <Field id={`${id}-source`} label={entry.kind === 'rumor' ? t('sourceRumor') : entry.kind === 'promised' ? t('sourcePromised') : t('source')} error={problem?.at('/source')}>
          <input id={`${id}-source`} value={draft.source} onInput={set('source')} />
        </Field>
      )}
      {fields.includes('due_at') && (
        <Field id={`${id}-due`} label={t('due')} error={problem?.at('/due_at')}>
          <input id={`${id}-due`} type="datetime-local" value={draft.due} onInput={set('due')} />
        </Field>
      )}
      {fields.includes('correction') && (
        <Field id={`${id}-correction`} label={t('refuteCorrection')} error={problem?.at('/correction')}>
          <textarea id={`${id}-correction`} value={draft.correction} onInput={set('correction')} rows={2} />
        </Field>
      )}
      <ErrorNotice error={problem && problem.errors.length > 0 ? null : error} />
      <div class="row">
        <Button type="submit" variant="primary" busy={busy}>
          {refused ? t('saveMine') : t('save')}
        </Button>
        <Button variant="quiet" onClick={finish}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
