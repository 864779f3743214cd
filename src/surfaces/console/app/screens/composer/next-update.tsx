import { useEffect, useState } from 'preact/hooks';
import { defaultNextUpdateAt } from '../../../../../domain/message/next-update.ts';
import { isFinal, needsNextUpdate } from '../../../../../domain/message/stages.ts';
import { api } from '../../api.ts';
import { formatDateTime, formatRelative, formatTime, useLanguage, useText } from '../../i18n.ts';
import type { Incident } from '../../types.ts';
import { Button, ErrorNotice, Field } from '../../ui/kit.tsx';
import { previewText } from './preview-text.ts';
import type { CommsSettings, Message } from './types.ts';

/** "2026-03-10T15:30" in this browser's time zone, as a datetime-local field holds it. */
function toLocalInput(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

interface NextUpdateProps {
  message: Message;
  incident: Incident;
  cadence: CommsSettings['cadence'] | undefined;
  now: () => Date;
  canWrite: boolean;
  /** The message's version to send in If-Match: the texts' saves move it on. */
  version: () => number;
  /** Saves what the person typed first: the server rewrites "next update at …" in every text. */
  beforeChange: () => Promise<void>;
  onChanged: () => void;
}

/** When the message promises to speak again, defaulting from the workspace's rhythm, and whether subscribers are told. */
export function NextUpdate({ message, incident, cadence, now, canWrite, version, beforeChange, onChanged }: NextUpdateProps) {
  const t = useText(previewText);
  const language = useLanguage();
  const promisedAt = message.next_update_at ? new Date(message.next_update_at) : null;
  const [value, setValue] = useState(promisedAt ? toLocalInput(promisedAt) : '');
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [invalid, setInvalid] = useState<string | undefined>(undefined);
  // The switch shows the person's choice at once; the server's answer confirms or puts it back.
  const [notify, setNotify] = useState(message.notify_subscribers);
  useEffect(() => {
    if (!dirty) setValue(promisedAt ? toLocalInput(promisedAt) : '');
  }, [message.next_update_at]);
  useEffect(() => setNotify(message.notify_subscribers), [message.notify_subscribers]);

  const usual = cadence && incident.impact !== 'maintenance' ? defaultNextUpdateAt(now(), incident.impact, cadence) : null;

  async function patch(body: { next_update_at?: string | null; notify_subscribers?: boolean }) {
    setBusy(true);
    setError(null);
    try {
      await beforeChange();
      await api.patch(`/api/admin/messages/${message.id}`, body, { ifMatch: version() });
      if (body.next_update_at !== undefined) setDirty(false);
      onChanged();
    } catch (caught) {
      setError(caught);
      setNotify(message.notify_subscribers);
    } finally {
      setBusy(false);
    }
  }

  function promise(event: Event) {
    event.preventDefault();
    const at = value ? new Date(value) : null;
    if (!at || Number.isNaN(at.getTime()) || at <= now()) {
      setInvalid(t('nextUpdatePast'));
      return;
    }
    setInvalid(undefined);
    void patch({ next_update_at: at.toISOString() });
  }

  const final = isFinal(message.stage);
  return (
    <section class="card next-update" aria-labelledby="next-update-title">
      <h2 id="next-update-title">{t('nextUpdate')}</h2>
      {final ? (
        <p class="hint">{t('nextUpdateFinal')}</p>
      ) : (
        <form onSubmit={promise}>
          <p class="hint">{needsNextUpdate(message.stage) ? t('nextUpdateHint') : t('nextUpdateNotNeeded')}</p>
          <p class="next-update-now">
            {promisedAt ? (
              <>
                <strong>{formatDateTime(promisedAt, language)}</strong> <span class="meta">({formatRelative(promisedAt, now().getTime(), language)})</span>
              </>
            ) : (
              t('nextUpdateNone')
            )}
          </p>
          {canWrite && (
            <>
              <Field id="next-update-at" label={t('nextUpdateAt')} error={invalid}>
                <input
                  id="next-update-at"
                  type="datetime-local"
                  value={value}
                  aria-describedby={invalid ? 'next-update-at-error' : undefined}
                  onInput={(event) => {
                    setValue(event.currentTarget.value);
                    setDirty(true);
                  }}
                />
              </Field>
              {usual && cadence && (
                <p class="hint cadence">
                  {t('cadence', { minutes: cadence[incident.impact as keyof typeof cadence] })}{' '}
                  <button
                    type="button"
                    class="btn btn-quiet btn-small"
                    onClick={() => {
                      setValue(toLocalInput(usual));
                      setDirty(true);
                    }}
                  >
                    {t('useCadence', { time: formatTime(usual, language) })}
                  </button>
                </p>
              )}
              <Button type="submit" variant="secondary" busy={busy} disabled={!dirty}>
                {t('nextUpdateSave')}
              </Button>
            </>
          )}
        </form>
      )}
      <ErrorNotice error={error} />
      <div class="switch-row">
        <input
          id="notify-subscribers"
          type="checkbox"
          role="switch"
          checked={notify}
          disabled={!canWrite || busy}
          aria-describedby="notify-subscribers-hint"
          onChange={(event) => {
            setNotify(event.currentTarget.checked);
            void patch({ notify_subscribers: event.currentTarget.checked });
          }}
        />
        <label for="notify-subscribers">{t('notify')}</label>
        <p class="hint" id="notify-subscribers-hint">
          {t('notifyHint')}
        </p>
      </div>
    </section>
  );
}
