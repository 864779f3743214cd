import { api } from '../../api.ts';
import { useLanguage, useText } from '../../i18n.ts';
import { Checkbox, FormError, described, fieldError, reasonNotice, useAction, useDraft } from '../../ui/back-office.tsx';
import { Button, ErrorNotice, Field, Loading } from '../../ui/kit.tsx';
import { useResource } from '../../use-resource.ts';
import { SaveBar, type CommsSettings } from './parts.tsx';
import { settingsText } from './text.ts';

interface Row {
  id: string;
  fr: string;
  en: string;
  lay: boolean;
  readability: string;
  isNew: boolean;
}

/** The audiences messages are written for: renamed, added or removed, saved together. */
export function AudiencesTab() {
  const t = useText(settingsText);
  const language = useLanguage();
  const settings = useResource<CommsSettings>('/api/admin/settings/communication');
  const [rows, setRowsState] = useDraft(settings.data, (data): Row[] =>
    data.audiences.map((audience) => ({ id: audience.id, fr: audience.name.fr, en: audience.name.en, lay: audience.lay, readability: audience.readability_min === null ? '' : String(audience.readability_min), isNew: false })),
  );
  const action = useAction();
  if (!rows || !settings.data) return settings.error ? <ErrorNotice error={settings.error} onRetry={settings.reload} /> : <Loading />;
  const version = settings.data.version;
  const setRows = (next: Row[]) => {
    action.clear();
    setRowsState(next);
  };
  const update = (index: number, patch: Partial<Row>) => setRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  async function submit(event: Event) {
    event.preventDefault();
    const audiences = rows!.map((row) => ({ id: row.id.trim(), name: { fr: row.fr.trim(), en: row.en.trim() }, lay: row.lay, readability_min: row.readability.trim() === '' ? null : Number(row.readability) }));
    await action.run(() =>
      api.patch('/api/admin/settings/communication', { audiences }, { ifMatch: version }).catch((error: unknown) => {
        throw reasonNotice(error, { 'audience-in-use': t('audienceInUse') });
      }),
    );
    await settings.reload();
  }

  const error = (index: number, field: string) => fieldError(action.error, `/audiences/${index}/${field}`);
  return (
    <form class="settings-form" onSubmit={submit} noValidate>
      <p class="hint">{t('audiencesLead')}</p>
      <ul class="audience-list">
        {rows.map((row, index) => {
          const title = (language === 'fr' ? row.fr : row.en) || t('newAudience');
          const prefix = `audience-${index}`;
          return (
            <li key={index} class="card audience">
              <fieldset>
                <legend>{title}</legend>
                <div class="bo-form-grid">
                  {row.isNew ? (
                    <Field id={`${prefix}-id`} label={t('audienceId')} hint={t('audienceIdHint')} error={error(index, 'id')}>
                      <input {...described(`${prefix}-id`, error(index, 'id'), 'hint')} value={row.id} onInput={(e) => update(index, { id: e.currentTarget.value })} autocomplete="off" />
                    </Field>
                  ) : null}
                  <Field id={`${prefix}-fr`} label={t('nameFr')} error={error(index, 'name/fr')}>
                    <input {...described(`${prefix}-fr`, error(index, 'name/fr'))} lang="fr" value={row.fr} onInput={(e) => update(index, { fr: e.currentTarget.value })} />
                  </Field>
                  <Field id={`${prefix}-en`} label={t('nameEn')} error={error(index, 'name/en')}>
                    <input {...described(`${prefix}-en`, error(index, 'name/en'))} lang="en" value={row.en} onInput={(e) => update(index, { en: e.currentTarget.value })} />
                  </Field>
                  <Field id={`${prefix}-readability`} label={t('readability')} hint={t('readabilityHint')} error={error(index, 'readability_min')}>
                    <input {...described(`${prefix}-readability`, error(index, 'readability_min'), 'hint')} type="number" min={0} max={100} value={row.readability} onInput={(e) => update(index, { readability: e.currentTarget.value })} />
                  </Field>
                </div>
                <div class="row audience-foot">
                  <Checkbox id={`${prefix}-lay`} label={t('lay')} checked={row.lay} onChange={(lay) => update(index, { lay })} />
                  <Button variant="danger" aria-label={t('removeAudience', { name: title })} onClick={() => setRows(rows.filter((_, i) => i !== index))}>
                    {t('remove')}
                  </Button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ul>
      <Button onClick={() => setRows([...rows, { id: '', fr: '', en: '', lay: true, readability: '', isNew: true }])}>{t('addAudience')}</Button>
      <FormError error={action.error} fields={['/audiences/']} />
      <SaveBar busy={action.busy} saved={action.succeeded} />
    </form>
  );
}
