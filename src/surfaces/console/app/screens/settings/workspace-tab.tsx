import { api } from '../../api.ts';
import { useText } from '../../i18n.ts';
import { FormError, described, fieldError, useAction, useDraft } from '../../ui/back-office.tsx';
import { ErrorNotice, Field, Loading } from '../../ui/kit.tsx';
import { SaveBar } from './parts.tsx';
import { useResource } from '../../use-resource.ts';
import { settingsText } from './text.ts';

interface Workspace {
  name: string;
  time_zone: string;
  default_language: 'fr' | 'en';
  version: number;
}

const timeZones: string[] = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];

/** The workspace's name, time zone and default language (owners only). */
export function WorkspaceTab() {
  const t = useText(settingsText);
  const workspace = useResource<Workspace>('/api/admin/workspace');
  const [draft, setDraftState] = useDraft(workspace.data, (data) => ({ name: data.name, time_zone: data.time_zone, default_language: data.default_language }));
  const action = useAction();
  const setDraft = (next: typeof draft) => {
    action.clear();
    setDraftState(next);
  };
  if (!draft || !workspace.data) return workspace.error ? <ErrorNotice error={workspace.error} onRetry={workspace.reload} /> : <Loading />;
  const version = workspace.data.version;

  async function submit(event: Event) {
    event.preventDefault();
    await action.run(() => api.patch('/api/admin/workspace', { ...draft, name: draft!.name.trim() }, { ifMatch: version }));
    await workspace.reload();
  }

  const errors = { name: fieldError(action.error, '/name'), time_zone: fieldError(action.error, '/time_zone'), default_language: fieldError(action.error, '/default_language') };
  return (
    <form class="card settings-form" onSubmit={submit} noValidate>
      <p class="hint">{t('workspaceLead')}</p>
      <Field id="ws-name" label={t('workspaceName')} error={errors.name}>
        <input {...described('ws-name', errors.name)} value={draft.name} onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })} />
      </Field>
      <Field id="ws-zone" label={t('timeZone')} hint={t('timeZoneHint')} error={errors.time_zone}>
        <input {...described('ws-zone', errors.time_zone, 'hint')} list="ws-zones" value={draft.time_zone} onInput={(e) => setDraft({ ...draft, time_zone: e.currentTarget.value })} autocomplete="off" />
        <datalist id="ws-zones">
          {timeZones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </Field>
      <Field id="ws-language" label={t('defaultLanguage')} hint={t('defaultLanguageHint')} error={errors.default_language}>
        <select {...described('ws-language', errors.default_language, 'hint')} value={draft.default_language} onChange={(e) => setDraft({ ...draft, default_language: e.currentTarget.value as 'fr' | 'en' })}>
          <option value="fr">{t('lang_fr')}</option>
          <option value="en">{t('lang_en')}</option>
        </select>
      </Field>
      <FormError error={action.error} fields={['/name', '/time_zone', '/default_language']} />
      <SaveBar busy={action.busy} saved={action.succeeded} />
    </form>
  );
}
