import { useState } from 'preact/hooks';
import { formatDateTime, useLanguage, useText } from '../../i18n.ts';
import { incidentsText } from '../../text/incidents.ts';
import { warRoomText } from '../../text/war-room.ts';
import type { IncidentUpdate } from '../../types.ts';

const shortList = 5;

/** The public updates so far, newest first (the last few, then all on demand), in the reader's language when the update has it. */
export function UpdatesList({ updates }: { updates: IncidentUpdate[] }) {
  const t = useText(warRoomText);
  const i = useText(incidentsText);
  const language = useLanguage();
  const [all, setAll] = useState(false);
  const shown = all ? updates : updates.slice(0, shortList);
  return (
    <section class="card side-panel" aria-labelledby="updates-title">
      <h2 id="updates-title">{t('updates')}</h2>
      {updates.length === 0 ? (
        <p class="empty">{t('noUpdates')}</p>
      ) : (
        <ol class="update-list">
          {shown.map((update) => {
            const localized = update.bodies?.[language];
            return (
              <li key={update.id}>
                <p class="meta">{t('updateAt', { when: formatDateTime(update.display_at, language), status: i(`status_${update.status}`) })}</p>
                <p class="update-body" lang={localized ? language : undefined}>{localized ?? update.body}</p>
              </li>
            );
          })}
        </ol>
      )}
      {!all && updates.length > shortList && (
        <button type="button" class="btn btn-quiet" onClick={() => setAll(true)}>
          {t('allUpdates', { count: updates.length })}
        </button>
      )}
    </section>
  );
}
