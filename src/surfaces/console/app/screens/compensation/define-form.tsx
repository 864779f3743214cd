import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, newIdempotencyKey, serverNow } from '../../api.ts';
import { formatNumber, useLanguage, useText } from '../../i18n.ts';
import { Button, ErrorNotice, Field } from '../../ui/kit.tsx';
import { useResource } from '../../use-resource.ts';
import { fromLocalInput, toLocalInput, type ComponentSummary, type EligibleCount, type Gesture, type GestureKind, type IncidentSummary } from './model.ts';
import { compensationText } from './text.ts';

interface Incident extends IncidentSummary {
  occurred_at: string | null;
  detected_at: string | null;
}

/** The gesture's terms and who gets it, with the number of customers it reaches, counted as it is defined. */
export function DefineForm({ incident, onDefined }: { incident: Incident; onDefined: (gesture: Gesture) => void }) {
  const t = useText(compensationText);
  const language = useLanguage();
  const components = useResource<{ components: ComponentSummary[] }>('/api/admin/components');
  const segments = useResource<{ segments: Array<{ segment: string; subscribers: number }> }>('/api/admin/compensation/segments');
  const [kind, setKind] = useState<GestureKind>('credit');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState('EUR');
  const [periodCount, setPeriodCount] = useState('1');
  const [periodUnit, setPeriodUnit] = useState<'day' | 'month'>('month');
  const [descriptionFr, setDescriptionFr] = useState('');
  const [descriptionEn, setDescriptionEn] = useState('');
  const [componentIds, setComponentIds] = useState<string[]>(incident.component_ids);
  const [chosenSegments, setChosenSegments] = useState<string[]>([]);
  const [coveredFrom, setCoveredFrom] = useState(toLocalInput(new Date(incident.occurred_at ?? incident.detected_at ?? incident.created_at)));
  const [coveredTo, setCoveredTo] = useState(toLocalInput(new Date(incident.resolved_at ?? serverNow())));
  const [dueAt, setDueAt] = useState('');
  const [count, setCount] = useState<EligibleCount | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [key] = useState(newIdempotencyKey);

  useEffect(() => {
    const query = new URLSearchParams();
    if (componentIds.length > 0) query.set('component_ids', componentIds.join(','));
    if (chosenSegments.length > 0) query.set('segments', chosenSegments.join(','));
    const before = fromLocalInput(coveredTo);
    if (before) query.set('subscribed_before', before);
    let current = true;
    setCount(null);
    api.get<EligibleCount>(`/api/admin/incidents/${encodeURIComponent(incident.id)}/compensation/eligible/count?${query}`).then(
      (answer) => current && setCount(answer),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [componentIds.join(','), chosenSegments.join(','), coveredTo]);

  const toggle = (list: string[], value: string, set: (next: string[]) => void) => set(list.includes(value) ? list.filter((item) => item !== value) : [...list, value]);
  const problem = error instanceof ApiError ? error : null;

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const money = kind === 'free_period' || amount.trim() === '' ? null : Number(amount.replace(',', '.'));
      const gesture = await api.post<Gesture>(
        `/api/admin/incidents/${encodeURIComponent(incident.id)}/compensation`,
        {
          kind,
          amount: money,
          ...(money === null ? {} : { currency }),
          period_count: kind === 'free_period' ? Number(periodCount) : null,
          period_unit: kind === 'free_period' ? periodUnit : null,
          description: { fr: descriptionFr, en: descriptionEn },
          component_ids: componentIds,
          segments: chosenSegments,
          covered_from: fromLocalInput(coveredFrom) ?? coveredFrom,
          covered_to: fromLocalInput(coveredTo) ?? coveredTo,
          due_at: fromLocalInput(dueAt),
        },
        { idempotencyKey: key },
      );
      onDefined(gesture);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card gesture-form" onSubmit={submit} aria-labelledby="define-gesture">
      <h2 id="define-gesture">{t('define')}</h2>
      <Field id="gesture-kind" label={t('kind')}>
        <select id="gesture-kind" value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value as GestureKind)}>
          {(['credit', 'free_period', 'refund'] as const).map((option) => (
            <option key={option} value={option}>
              {t(`kind_${option}`)}
            </option>
          ))}
        </select>
      </Field>
      {kind === 'free_period' ? (
        <div class="row">
          <Field id="gesture-period-count" label={t('periodCount')} error={problem?.at('/period_count')}>
            <input id="gesture-period-count" type="number" min={1} max={1000} required value={periodCount} onInput={(e) => setPeriodCount((e.target as HTMLInputElement).value)} />
          </Field>
          <Field id="gesture-period-unit" label={t('periodUnit')} error={problem?.at('/period_unit')}>
            <select id="gesture-period-unit" value={periodUnit} onChange={(e) => setPeriodUnit((e.target as HTMLSelectElement).value as 'day' | 'month')}>
              <option value="day">{t('unit_day')}</option>
              <option value="month">{t('unit_month')}</option>
            </select>
          </Field>
        </div>
      ) : (
        <div class="row">
          <Field id="gesture-amount" label={t('amount')} hint={kind === 'refund' ? t('amountHint') : undefined} error={problem?.at('/amount')}>
            <input id="gesture-amount" inputMode="decimal" required={kind === 'credit'} value={amount} onInput={(e) => setAmount((e.target as HTMLInputElement).value)} />
          </Field>
          <Field id="gesture-currency" label={t('currency')} error={problem?.at('/currency')}>
            <input id="gesture-currency" maxLength={3} value={currency} onInput={(e) => setCurrency((e.target as HTMLInputElement).value.toUpperCase())} />
          </Field>
        </div>
      )}
      <Field id="gesture-description-fr" label={t('descriptionFr')} hint={t('descriptionHint')} error={problem?.at('/description')}>
        <input id="gesture-description-fr" lang="fr" value={descriptionFr} onInput={(e) => setDescriptionFr((e.target as HTMLInputElement).value)} />
      </Field>
      <Field id="gesture-description-en" label={t('descriptionEn')}>
        <input id="gesture-description-en" lang="en" value={descriptionEn} onInput={(e) => setDescriptionEn((e.target as HTMLInputElement).value)} />
      </Field>
      <fieldset>
        <legend>{t('eligibility')}</legend>
        <fieldset class="inner">
          <legend>{t('components')}</legend>
          <ul class="checks">
            {(components.data?.components ?? []).map((component) => (
              <li key={component.id}>
                <label>
                  <input type="checkbox" checked={componentIds.includes(component.id)} onChange={() => toggle(componentIds, component.id, setComponentIds)} /> {component.name}
                </label>
              </li>
            ))}
          </ul>
          <p class="hint">{t('componentsHint')}</p>
        </fieldset>
        <fieldset class="inner">
          <legend>{t('segments')}</legend>
          {segments.data && segments.data.segments.length === 0 ? (
            <p class="hint">{t('noSegments')}</p>
          ) : (
            <>
              <ul class="checks">
                {(segments.data?.segments ?? []).map(({ segment, subscribers }) => (
                  <li key={segment}>
                    <label>
                      <input type="checkbox" checked={chosenSegments.includes(segment)} onChange={() => toggle(chosenSegments, segment, setChosenSegments)} /> {segment} ({formatNumber(subscribers, language)})
                    </label>
                  </li>
                ))}
              </ul>
              <p class="hint">{t('segmentsHint')}</p>
            </>
          )}
        </fieldset>
        <Field id="gesture-covered-from" label={t('coveredFrom')} error={problem?.at('/covered_from')}>
          <input id="gesture-covered-from" type="datetime-local" required value={coveredFrom} onInput={(e) => setCoveredFrom((e.target as HTMLInputElement).value)} />
        </Field>
        <Field id="gesture-covered-to" label={t('coveredTo')} error={problem?.at('/covered_to')}>
          <input id="gesture-covered-to" type="datetime-local" required value={coveredTo} onInput={(e) => setCoveredTo((e.target as HTMLInputElement).value)} />
        </Field>
        <p class="eligible-count" role="status" aria-live="polite">
          {count ? t('eligibleCount', { total: formatNumber(count.total, language), email: formatNumber(count.email, language), sms: formatNumber(count.sms, language) }) : t('counting')}
        </p>
      </fieldset>
      <Field id="gesture-due-at" label={t('dueAt')} hint={t('dueAtHint')} error={problem?.at('/due_at')}>
        <input id="gesture-due-at" type="datetime-local" value={dueAt} onInput={(e) => setDueAt((e.target as HTMLInputElement).value)} />
      </Field>
      <ErrorNotice error={error} />
      <Button type="submit" variant="primary" busy={busy}>
        {t('save')}
      </Button>
    </form>
  );
}
