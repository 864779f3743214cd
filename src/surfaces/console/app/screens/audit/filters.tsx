import { useState } from 'preact/hooks';
import { useText } from '../../i18n.ts';
import { Button, Field } from '../../ui/kit.tsx';
import { actionAreas, phraseKey } from './describe.ts';
import { auditPhrases } from './phrases.ts';
import { auditText } from './text.ts';

export interface AuditFilter {
  who: string;
  what: string;
  from: string;
  to: string;
}

export const noFilter: AuditFilter = { who: '', what: '', from: '', to: '' };

/** The query the audit route reads; dates are the reader's local days, `to` included. */
export function filterQuery(filter: AuditFilter): URLSearchParams {
  const query = new URLSearchParams();
  if (filter.who) query.set('actor_id', filter.who);
  if (filter.what) query.set('action', filter.what);
  if (filter.from) query.set('from', new Date(`${filter.from}T00:00:00`).toISOString());
  if (filter.to) {
    const end = new Date(`${filter.to}T00:00:00`);
    end.setDate(end.getDate() + 1);
    query.set('to', end.toISOString());
  }
  return query;
}

/** Who, what, when: applied together when the person asks. */
export function AuditFilters({ people, tokens, value, onApply }: { people: { id: string; name: string }[]; tokens: { id: string; name: string }[]; value: AuditFilter; onApply: (filter: AuditFilter) => void }) {
  const t = useText(auditText);
  const phrase = useText(auditPhrases);
  const [draft, setDraft] = useState(value);
  const set = (field: keyof AuditFilter) => (event: Event) => setDraft({ ...draft, [field]: (event.currentTarget as HTMLInputElement).value });
  const label = (action: string) => {
    if (action === 'member.update') return t('label_member_update');
    const text = phrase(phraseKey(action), { name: '', detail: '', action });
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  return (
    <form
      class="card audit-filters"
      aria-label={t('filters')}
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      <Field id="audit-who" label={t('who')}>
        <select id="audit-who" value={draft.who} onChange={set('who')}>
          <option value="">{t('everyone')}</option>
          <optgroup label={t('people')}>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </optgroup>
          {tokens.length > 0 && (
            <optgroup label={t('tokens')}>
              {tokens.map((token) => (
                <option key={token.id} value={token.id}>
                  {token.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </Field>
      <Field id="audit-what" label={t('what')}>
        <select id="audit-what" value={draft.what} onChange={set('what')}>
          <option value="">{t('everything')}</option>
          {Object.entries(actionAreas).map(([area, actions]) => (
            <optgroup key={area} label={t(`area_${area}` as 'area_incident')}>
              {actions.map((action) => (
                <option key={action} value={action}>
                  {label(action)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </Field>
      <Field id="audit-from" label={t('from')}>
        <input id="audit-from" type="date" value={draft.from} onInput={set('from')} />
      </Field>
      <Field id="audit-to" label={t('to')}>
        <input id="audit-to" type="date" value={draft.to} onInput={set('to')} />
      </Field>
      <div class="audit-filter-actions">
        <Button type="submit" variant="primary">
          {t('apply')}
        </Button>
        <Button
          variant="quiet"
          onClick={() => {
            setDraft(noFilter);
            onApply(noFilter);
          }}
        >
          {t('clear')}
        </Button>
      </div>
    </form>
  );
}
