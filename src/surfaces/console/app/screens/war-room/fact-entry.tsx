import { useState } from 'preact/hooks';
import { ApiError, api } from '../../api.ts';
import { formatDateTime, useLanguage, useText } from '../../i18n.ts';
import { factSheetText } from '../../text/fact-sheet.ts';
import { warRoomText } from '../../text/war-room.ts';
import { Button, ErrorNotice, Field, Pill } from '../../ui/kit.tsx';
import { editableFields, entryPath, sourceOf } from './entry-actions.ts';
import { EntryEditor, isBeingEdited } from './entry-editor.tsx';
import type { FactEntry } from './types.ts';

type Mode = 'view' | 'edit' | 'withdraw' | 'drop' | 'refute';
type Tone = 'ok' | 'minor' | 'major' | 'critical' | 'info' | 'muted';

const promiseTone: Record<string, Tone> = { pending: 'info', kept: 'ok', broken: 'critical', dropped: 'muted', postponed: 'minor' };
const rumorTone: Record<string, Tone> = { open: 'major', refuted: 'ok', confirmed: 'critical' };

export interface EntryProps {
  entry: FactEntry;
  incidentId: string;
  canEdit: boolean;
  audienceName: (id: string) => string;
  onChanged: () => Promise<void>;
}

/** One line of the sheet: what it says, who says so and when, and what can be done with it. */
export function FactEntryItem({ entry, incidentId, canEdit, audienceName, onChanged }: EntryProps) {
  const t = useText(factSheetText);
  const [mode, setMode] = useState<Mode>(() => (isBeingEdited(entry.id) ? 'edit' : 'view'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function act(run: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await run();
      setMode('view');
      await onChanged();
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError && caught.status === 412) await onChanged();
    } finally {
      setBusy(false);
    }
  }
  const patch = (body: object) => act(() => api.patch(entryPath(incidentId, entry.id), body, { ifMatch: entry.version }));

  if (mode === 'edit') return <li class="entry"><EntryEditor entry={entry} incidentId={incidentId} onDone={() => setMode('view')} onChanged={onChanged} /></li>;
  const withdrawn = entry.withdrawn !== null;
  return (
    <li class={`entry${withdrawn ? ' entry-withdrawn' : ''}`}>
      <EntryBody entry={entry} audienceName={audienceName} />
      {canEdit && !withdrawn && entry.kind !== 'said' && mode === 'view' && (
        <div class="entry-actions row" role="group" aria-label={`${t('actionsFor')} — ${entry.text.slice(0, 60)}`}>
          {editableFields(entry).length > 0 && <Button variant="quiet" onClick={() => setMode('edit')}>{t('edit')}</Button>}
          {entry.kind === 'unconfirmed' && (
            <Button variant="quiet" busy={busy} onClick={() => act(() => api.post(entryPath(incidentId, entry.id, 'confirm'), {}, { ifMatch: entry.version }))}>
              {t('confirm')}
            </Button>
          )}
          {entry.kind === 'promised' && (entry.state === 'pending' || entry.state === 'broken') && (
            <>
              <Button variant="quiet" busy={busy} onClick={() => patch({ state: 'kept' })}>{t('kept')}</Button>
              <Button variant="quiet" onClick={() => setMode('drop')}>{t('drop')}</Button>
            </>
          )}
          {entry.kind === 'rumor' && entry.state === 'open' && (
            <>
              <Button variant="quiet" onClick={() => setMode('refute')}>{t('refute')}</Button>
              <Button variant="quiet" busy={busy} onClick={() => patch({ state: 'confirmed' })}>{t('rumorTrue')}</Button>
            </>
          )}
          <Button variant="quiet" class="entry-withdraw" onClick={() => setMode('withdraw')}>{t('withdraw')}</Button>
        </div>
      )}
      {mode === 'withdraw' && (
        <ReasonForm id={`withdraw-${entry.id}`} label={t('withdrawReason')} hint={t('withdrawHint')} submit={t('withdraw')} danger busy={busy}
          onCancel={() => setMode('view')} onSubmit={(reason) => act(() => api.post(entryPath(incidentId, entry.id, 'withdraw'), { reason }, { ifMatch: entry.version }))} />
      )}
      {mode === 'drop' && (
        <ReasonForm id={`drop-${entry.id}`} label={t('dropReason')} submit={t('drop')} busy={busy} onCancel={() => setMode('view')} onSubmit={(reason) => patch({ state: 'dropped', state_reason: reason })} />
      )}
      {mode === 'refute' && (
        <ReasonForm id={`refute-${entry.id}`} label={t('refuteCorrection')} submit={t('refute')} busy={busy} onCancel={() => setMode('view')} onSubmit={(correction) => patch({ state: 'refuted', correction })} />
      )}
      <ErrorNotice error={error} />
    </li>
  );
}

function EntryBody({ entry, audienceName }: { entry: FactEntry; audienceName: (id: string) => string }) {
  const t = useText(factSheetText);
  const w = useText(warRoomText);
  const language = useLanguage();
  const when = formatDateTime(entry.noted_at, language);
  const source = sourceOf(entry);
  return (
    <div class="entry-body">
      <p class="entry-text">
        {entry.kind === 'key_message' && entry.language && <span class="lang-tag" lang={entry.language}>{entry.language.toUpperCase()}</span>}
        {entry.withdrawn ? <del>{entry.text}</del> : entry.text}
      </p>
      {entry.kind === 'known' && (entry.figures.affected_people !== undefined || entry.figures.records !== undefined) && (
        <p class="pills">
          {entry.figures.affected_people !== undefined && <Pill tone="info">{t('figurePeople', { count: entry.figures.affected_people })}</Pill>}
          {entry.figures.records !== undefined && <Pill tone="info">{t('figureRecords', { count: entry.figures.records })}</Pill>}
        </p>
      )}
      {entry.kind === 'promised' && (
        <p class="pills">
          <Pill tone={promiseTone[entry.state] ?? 'muted'}>{t(`state_${entry.state}`)}</Pill>
          {entry.promise_kind && <Pill tone="muted">{t(`promise_${entry.promise_kind}_label`)}</Pill>}
        </p>
      )}
      {entry.kind === 'rumor' && (
        <p class="pills">
          <Pill tone={rumorTone[entry.state] ?? 'muted'}>{t(`state_${entry.state}`)}</Pill>
        </p>
      )}
      <p class="meta">
        {[
          source ? t('sourceLine', { source }) : null,
          entry.kind === 'said' ? [entry.audience && audienceName(entry.audience), entry.channel && w(`channel_${entry.channel}` as 'channel_email'), entry.language && w(`language_${entry.language}`)].filter(Boolean).join(' · ') : null,
          `${when} · ${t('by', { name: entry.author.name })}`,
          entry.kind === 'known' && entry.confirmed ? t('confirmedBy', { name: entry.confirmed.by.name, when: formatDateTime(entry.confirmed.at, language) }) : null,
          entry.kind === 'promised' ? (entry.due_at ? t('dueLine', { when: formatDateTime(entry.due_at, language) }) : t('noDue')) : null,
        ]
          .filter(Boolean)
          .join(' — ')}
      </p>
      {entry.kind === 'promised' && entry.state_reason && <p class="meta">{t('stateReason', { reason: entry.state_reason })}</p>}
      {entry.kind === 'rumor' && entry.correction && <p class="meta">{t('correctionLine', { text: entry.correction })}</p>}
      {entry.withdrawn && (
        <p class="meta">
          {t('withdrawnLine', { when: formatDateTime(entry.withdrawn.at, language), name: entry.withdrawn.by?.name ?? t('someone') })}
          {entry.withdrawn.reason && ` — ${t('withdrawnBecause', { reason: entry.withdrawn.reason })}`}
        </p>
      )}
    </div>
  );
}

/** A short form asking why (withdraw, drop) or what was published (refute), then acting. */
function ReasonForm({ id, label, hint, submit, danger, busy, onSubmit, onCancel }: {
  id: string; label: string; hint?: string; submit: string; danger?: boolean; busy: boolean; onSubmit: (value: string) => void; onCancel: () => void;
}) {
  const t = useText(factSheetText);
  const [value, setValue] = useState('');
  return (
    <form class="reason-form" onSubmit={(event) => { event.preventDefault(); if (value.trim()) onSubmit(value.trim()); }}>
      <Field id={id} label={label} hint={hint}>
        <input id={id} value={value} onInput={(event) => setValue(event.currentTarget.value)} required autoFocus aria-describedby={hint ? `${id}-hint` : undefined} />
      </Field>
      <div class="row">
        <Button type="submit" variant={danger ? 'danger' : 'primary'} busy={busy}>{submit}</Button>
        <Button variant="quiet" onClick={onCancel}>{t('cancel')}</Button>
      </div>
    </form>
  );
}
