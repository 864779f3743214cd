import { api } from '../../api.ts';
import { useText } from '../../i18n.ts';
import { useCan } from '../../session.ts';
import { Checkbox, FormError, described, fieldError, useAction, useDraft } from '../../ui/back-office.tsx';
import { ErrorNotice, Field, Loading } from '../../ui/kit.tsx';
import { useResource } from '../../use-resource.ts';
import { SaveBar } from './parts.tsx';
import { channelsText } from './text-channels.ts';

interface Profile {
  gdpr_roles: ('controller' | 'processor')[];
  nis2: 'essential' | 'important' | 'trust_service' | null;
  dora_financial_entity: boolean;
  eprivacy_provider: boolean;
  fr_oiv_ose: boolean;
  fr_telecom_operator: boolean;
  fr_health_entity: boolean;
  dora_working_day_shift: boolean;
  dora_shift_hour: number;
  dora_late_classification_rule: boolean;
  holiday_calendar: 'fr' | 'none';
  extra_holidays: string[];
  version: number;
}

type Draft = Omit<Profile, 'version' | 'dora_shift_hour' | 'extra_holidays'> & { dora_shift_hour: string; extra_holidays: string };

const flags = [
  ['dora_financial_entity', 'dora'],
  ['eprivacy_provider', 'eprivacy'],
] as const;
const frenchFlags = [
  ['fr_oiv_ose', 'fr_oiv_ose'],
  ['fr_telecom_operator', 'fr_telecom'],
  ['fr_health_entity', 'fr_health'],
] as const;

/** The legal regimes the workspace answers to, which decide the deadlines an incident starts. */
export function RegulatoryTab() {
  const t = useText(channelsText);
  const can = useCan();
  const profile = useResource<Profile>('/api/admin/settings/regulatory');
  const [draft, setDraftState] = useDraft(profile.data, ({ version: _version, ...data }): Draft => ({ ...data, dora_shift_hour: String(data.dora_shift_hour), extra_holidays: data.extra_holidays.join('\n') }));
  const action = useAction();
  if (!draft || !profile.data) return profile.error ? <ErrorNotice error={profile.error} onRetry={profile.reload} /> : <Loading />;
  const version = profile.data.version;
  const readOnly = !can('regulatory.manage');
  const set = (patch: Partial<Draft>) => {
    action.clear();
    setDraftState({ ...draft, ...patch });
  };
  const role = (name: 'controller' | 'processor', on: boolean) => set({ gdpr_roles: on ? [...draft.gdpr_roles, name] : draft.gdpr_roles.filter((other) => other !== name) });

  async function submit(event: Event) {
    event.preventDefault();
    const body = {
      ...draft!,
      dora_shift_hour: draft!.dora_shift_hour.trim() === '' ? null : Number(draft!.dora_shift_hour),
      extra_holidays: draft!.extra_holidays.split(/\s+/).filter(Boolean),
    };
    await action.run(() => api.patch('/api/admin/settings/regulatory', body, { ifMatch: version }));
    await profile.reload();
  }

  const error = (pointer: string) => fieldError(action.error, pointer);
  return (
    <form class="card settings-form" onSubmit={submit} noValidate>
      <p class="hint">{t('regulatoryLead')}</p>
      {readOnly && <p class="notice">{t('readOnly')}</p>}
      <fieldset disabled={readOnly}>
        <fieldset>
          <legend>{t('gdpr')}</legend>
          <Checkbox id="reg-controller" label={t('gdpr_controller')} checked={draft.gdpr_roles.includes('controller')} onChange={(on) => role('controller', on)} />
          <Checkbox id="reg-processor" label={t('gdpr_processor')} checked={draft.gdpr_roles.includes('processor')} onChange={(on) => role('processor', on)} />
        </fieldset>
        <Field id="reg-nis2" label={t('nis2')} error={error('/nis2')}>
          <select {...described('reg-nis2', error('/nis2'))} value={draft.nis2 ?? ''} onChange={(e) => set({ nis2: (e.currentTarget.value || null) as Draft['nis2'] })}>
            <option value="">{t('nis2_none')}</option>
            <option value="essential">{t('nis2_essential')}</option>
            <option value="important">{t('nis2_important')}</option>
            <option value="trust_service">{t('nis2_trust_service')}</option>
          </select>
        </Field>
        {flags.map(([field, label]) => (
          <Checkbox key={field} id={`reg-${field}`} label={t(label)} checked={draft[field]} onChange={(on) => set({ [field]: on })} />
        ))}
        <fieldset>
          <legend>{t('frTitle')}</legend>
          {frenchFlags.map(([field, label]) => (
            <Checkbox key={field} id={`reg-${field}`} label={t(label)} checked={draft[field]} onChange={(on) => set({ [field]: on })} />
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('doraTitle')}</legend>
          <Checkbox id="reg-dora-shift" label={t('doraShift')} checked={draft.dora_working_day_shift} onChange={(on) => set({ dora_working_day_shift: on })} />
          <Field id="reg-dora-hour" label={t('doraShiftHour')} error={error('/dora_shift_hour')}>
            <input {...described('reg-dora-hour', error('/dora_shift_hour'))} type="number" min={0} max={23} value={draft.dora_shift_hour} onInput={(e) => set({ dora_shift_hour: e.currentTarget.value })} />
          </Field>
          <Checkbox id="reg-dora-late" label={t('doraLate')} checked={draft.dora_late_classification_rule} onChange={(on) => set({ dora_late_classification_rule: on })} />
        </fieldset>
        <Field id="reg-holidays" label={t('holidays')} error={error('/holiday_calendar')}>
          <select {...described('reg-holidays', error('/holiday_calendar'))} value={draft.holiday_calendar} onChange={(e) => set({ holiday_calendar: e.currentTarget.value as 'fr' | 'none' })}>
            <option value="fr">{t('holidays_fr')}</option>
            <option value="none">{t('holidays_none')}</option>
          </select>
        </Field>
        <Field id="reg-extra" label={t('extraHolidays')} hint={t('extraHolidaysHint')} error={error('/extra_holidays')}>
          <textarea {...described('reg-extra', error('/extra_holidays'), 'hint')} rows={3} value={draft.extra_holidays} onInput={(e) => set({ extra_holidays: e.currentTarget.value })} />
        </Field>
      </fieldset>
      <FormError error={action.error} fields={['/nis2', '/dora_shift_hour', '/holiday_calendar', '/extra_holidays']} />
      {!readOnly && <SaveBar busy={action.busy} saved={action.succeeded} />}
    </form>
  );
}
