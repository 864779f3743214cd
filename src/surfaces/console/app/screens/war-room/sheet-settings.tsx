import { useState } from 'preact/hooks';
import { ApiError, api } from '../../api.ts';
import { useLanguage, useText } from '../../i18n.ts';
import { factSheetText } from '../../text/fact-sheet.ts';
import { ErrorNotice, Pill } from '../../ui/kit.tsx';
import type { Audience, FactSheet } from './types.ts';
import './choices.css';

type Settings = Pick<FactSheet, 'personal_data_breach' | 'audiences'>;

/**
 * The breach flag and the audiences concerned. The sheet's version moves with every entry, so a
 * refused save (412) is sent again only when the very setting changed was left as the person saw it.
 */
export function SheetSettings({ sheet, audiences, canEdit, onChanged }: { sheet: FactSheet; audiences: Audience[]; canEdit: boolean; onChanged: () => Promise<void> }) {
  const t = useText(factSheetText);
  const language = useLanguage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const path = `/api/admin/incidents/${encodeURIComponent(sheet.incident_id)}/facts`;

  async function change(next: Partial<Settings>) {
    setBusy(true);
    setError(null);
    try {
      await api.patch(path, next, { ifMatch: sheet.version }).catch(async (caught) => {
        if (!(caught instanceof ApiError) || caught.status !== 412) throw caught;
        const fresh = await api.get<FactSheet>(path);
        const untouched = Object.keys(next).every((field) => JSON.stringify(fresh[field as keyof Settings]) === JSON.stringify(sheet[field as keyof Settings]));
        if (!untouched) throw caught;
        await api.patch(path, next, { ifMatch: fresh.version });
      });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
      await onChanged();
    }
  }

  const name = (id: string) => audiences.find((audience) => audience.id === id)?.name[language] ?? id;
  if (!canEdit) {
    return (
      <div class="sheet-settings">
        <p>{sheet.personal_data_breach ? <Pill tone="critical">{t('breachYes')}</Pill> : t('breachNo')}</p>
        <p>
          <strong>{t('audiences')}</strong>
          <br />
          {sheet.audiences.length > 0 ? sheet.audiences.map(name).join(', ') : t('audiencesNone')}
        </p>
      </div>
    );
  }
  return (
    <div class="sheet-settings">
      <div class={`breach-flag${sheet.personal_data_breach ? ' breach-on' : ''}`}>
        <input id="sheet-breach" type="checkbox" checked={sheet.personal_data_breach} disabled={busy} aria-describedby="sheet-breach-hint"
          onChange={(event) => void change({ personal_data_breach: event.currentTarget.checked })} />
        <label for="sheet-breach">{t('breach')}</label>
        <p class="hint" id="sheet-breach-hint">{t('breachHint')}</p>
      </div>
      <fieldset class="audience-choice">
        <legend>{t('audiences')}</legend>
        {audiences.map((audience) => (
          <label key={audience.id} class="check">
            <input type="checkbox" checked={sheet.audiences.includes(audience.id)} disabled={busy}
              onChange={(event) => void change({ audiences: event.currentTarget.checked ? [...sheet.audiences, audience.id] : sheet.audiences.filter((id) => id !== audience.id) })} />
            {audience.name[language]}
          </label>
        ))}
      </fieldset>
      <ErrorNotice error={error} />
    </div>
  );
}
