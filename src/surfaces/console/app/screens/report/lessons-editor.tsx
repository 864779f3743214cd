import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, request } from '../../api.ts';
import { useText } from '../../i18n.ts';
import { Button, ErrorNotice } from '../../ui/kit.tsx';
import type { ReportAction, ReportLesson } from '../../../../../domain/reports/lessons.ts';
import { reportText } from './text.ts';

export interface LessonsView {
  lessons: ReportLesson[];
  actions: ReportAction[];
  version: number;
}

/** The lessons and actions the team writes; saved whole, guarded by the version read. */
export function LessonsEditor({ incidentId, canWrite, onSaved }: { incidentId: string; canWrite: boolean; onSaved: () => void }) {
  const t = useText(reportText);
  const path = `/api/admin/incidents/${encodeURIComponent(incidentId)}/report/lessons`;
  const [view, setView] = useState<LessonsView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    api.get<LessonsView>(path).then(setView, setError);
  }, [path]);
  if (!view) return <ErrorNotice error={error} />;
  const fieldError = (pointer: string) => (error instanceof ApiError ? error.at(pointer) : undefined);
  const edit = (next: Partial<LessonsView>) => {
    setSaved(false);
    setView({ ...view, ...next });
  };
  const setLesson = (i: number, change: Partial<ReportLesson>) => edit({ lessons: view.lessons.map((l, j) => (j === i ? { ...l, ...change } : l)) });
  const setAction = (i: number, change: Partial<ReportAction>) => edit({ actions: view.actions.map((a, j) => (j === i ? { ...a, ...change } : a)) });
  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      const result = await request<LessonsView>('PUT', path, { body: { lessons: view.lessons, actions: view.actions }, ifMatch: view.version });
      setView(result.data);
      setError(null);
      setSaved(true);
      onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const disabled = !canWrite;
  return (
    <section class="report-lessons" aria-labelledby="report-lessons-title">
      <h2 id="report-lessons-title">{t('lessonsTitle')}</h2>
      <p class="hint">{canWrite ? t('lessonsHint') : t('readOnly')}</p>
      <form onSubmit={save}>
        <fieldset>
          <legend>{t('lessons')}</legend>
          {view.lessons.map((lesson, i) => (
            <div class="report-row" key={`l${i}`}>
              <label for={`lesson-${i}`}>{t('lesson', { n: i + 1 })}</label>
              <textarea id={`lesson-${i}`} rows={2} value={lesson.text} disabled={disabled} aria-invalid={fieldError(`/lessons/${i}/text`) ? true : undefined} onInput={(e) => setLesson(i, { text: e.currentTarget.value })} />
              {fieldError(`/lessons/${i}/text`) && <p class="field-error">{fieldError(`/lessons/${i}/text`)}</p>}
              <label class="report-check">
                <input type="checkbox" checked={lesson.public} disabled={disabled} onChange={(e) => setLesson(i, { public: e.currentTarget.checked })} /> {t('isPublic')}
              </label>
              {canWrite && <Button variant="quiet" onClick={() => edit({ lessons: view.lessons.filter((_, j) => j !== i) })} aria-label={`${t('remove')} — ${t('lesson', { n: i + 1 })}`}>{t('remove')}</Button>}
            </div>
          ))}
          {canWrite && <Button onClick={() => edit({ lessons: [...view.lessons, { text: '', public: false }] })}>{t('addLesson')}</Button>}
        </fieldset>
        <fieldset>
          <legend>{t('actions')}</legend>
          {view.actions.map((action, i) => (
            <div class="report-row" key={`a${i}`}>
              <label for={`action-${i}`}>{t('action', { n: i + 1 })}</label>
              <input id={`action-${i}`} type="text" value={action.text} disabled={disabled} onInput={(e) => setAction(i, { text: e.currentTarget.value })} />
              {fieldError(`/actions/${i}/text`) && <p class="field-error">{fieldError(`/actions/${i}/text`)}</p>}
              <label for={`action-${i}-owner`}>{t('owner')}</label>
              <input id={`action-${i}-owner`} type="text" value={action.owner ?? ''} disabled={disabled} onInput={(e) => setAction(i, { owner: e.currentTarget.value.trim() ? e.currentTarget.value : null })} />
              <label for={`action-${i}-due`}>{t('dueOn')}</label>
              <input id={`action-${i}-due`} type="date" value={action.due_on ?? ''} disabled={disabled} onInput={(e) => setAction(i, { due_on: e.currentTarget.value || null })} />
              <label class="report-check">
                <input type="checkbox" checked={action.done} disabled={disabled} onChange={(e) => setAction(i, { done: e.currentTarget.checked })} /> {t('done')}
              </label>
              <label class="report-check">
                <input type="checkbox" checked={action.public} disabled={disabled} onChange={(e) => setAction(i, { public: e.currentTarget.checked })} /> {t('isPublic')}
              </label>
              {canWrite && <Button variant="quiet" onClick={() => edit({ actions: view.actions.filter((_, j) => j !== i) })} aria-label={`${t('remove')} — ${t('action', { n: i + 1 })}`}>{t('remove')}</Button>}
            </div>
          ))}
          {canWrite && <Button onClick={() => edit({ actions: [...view.actions, { text: '', owner: null, due_on: null, done: false, public: false }] })}>{t('addAction')}</Button>}
        </fieldset>
        <ErrorNotice error={error} />
        {saved && <p role="status" class="report-saved">{t('saved')}</p>}
        {canWrite && <Button type="submit" variant="primary" busy={busy}>{t('save')}</Button>}
      </form>
    </section>
  );
}
