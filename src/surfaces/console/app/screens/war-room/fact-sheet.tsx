import { useLanguage, useText } from '../../i18n.ts';
import { useCan } from '../../session.ts';
import { factSheetText } from '../../text/fact-sheet.ts';
import { ErrorNotice, Loading } from '../../ui/kit.tsx';
import type { Resource } from '../../use-resource.ts';
import { AddEntry } from './add-entry.tsx';
import { FactEntryItem } from './fact-entry.tsx';
import { SheetSettings } from './sheet-settings.tsx';
import type { Audience, FactEntry, FactKind, FactSheet } from './types.ts';

/** The sections in the order of the sheet (README: one source of truth), and where each lives in it. */
const sections: Array<{ kind: FactKind; list: keyof Pick<FactSheet, 'known' | 'unconfirmed' | 'said' | 'promised' | 'rumors' | 'key_messages'> }> = [
  { kind: 'known', list: 'known' },
  { kind: 'unconfirmed', list: 'unconfirmed' },
  { kind: 'said', list: 'said' },
  { kind: 'promised', list: 'promised' },
  { kind: 'rumor', list: 'rumors' },
  { kind: 'key_message', list: 'key_messages' },
];

/** The shared document of the crisis cell, live: every section, its entries and what can be added. */
export function FactSheetView({ incidentId, sheet, audiences }: { incidentId: string; sheet: Resource<FactSheet>; audiences: Audience[] }) {
  const t = useText(factSheetText);
  const language = useLanguage();
  const can = useCan();
  const canEdit = can('facts.edit');
  const audienceName = (id: string) => audiences.find((audience) => audience.id === id)?.name[language] ?? id;
  const data = sheet.data;
  return (
    <section class="fact-sheet card" aria-labelledby="fact-sheet-title">
      <h2 id="fact-sheet-title">{t('title')}</h2>
      <p class="lead">{t('lead')}</p>
      <ErrorNotice error={sheet.error} onRetry={sheet.reload} />
      {!data ? (
        sheet.loading && <Loading />
      ) : (
        <>
          <SheetSettings sheet={data} audiences={audiences} canEdit={canEdit} onChanged={sheet.reload} />
          <div class="sheet-sections">
            {sections.map(({ kind, list }) => (
              <section key={kind} class={`sheet-section sheet-${kind}`} aria-labelledby={`section-${kind}`}>
                <h3 id={`section-${kind}`}>
                  {t(`section_${kind}`)} <span class="count">{data[list].length}</span>
                </h3>
                <p class="hint">{t(`hint_${kind}`)}</p>
                {data[list].length === 0 ? (
                  <p class="empty">{t(`empty_${kind}`)}</p>
                ) : (
                  <ul class="entries">
                    {ordered(data[list], language).map((entry) => (
                      <FactEntryItem key={entry.id} entry={entry} incidentId={incidentId} canEdit={canEdit} audienceName={audienceName} onChanged={sheet.reload} />
                    ))}
                  </ul>
                )}
                {canEdit && kind !== 'said' && <AddEntry incidentId={incidentId} kind={kind} onAdded={sheet.reload} />}
              </section>
            ))}
          </div>
          {data.withdrawn.length > 0 && (
            <details class="withdrawn">
              <summary>{t('withdrawnTitle', { count: data.withdrawn.length })}</summary>
              <ul class="entries">
                {data.withdrawn.map((entry) => (
                  <FactEntryItem key={entry.id} entry={entry} incidentId={incidentId} canEdit={false} audienceName={audienceName} onChanged={sheet.reload} />
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}

/** Key messages in the reader's language first, then the other language, each in the sheet's order. */
function ordered(entries: FactEntry[], language: string): FactEntry[] {
  const first = (entry: FactEntry) => (entry.kind === 'key_message' && entry.language !== null && entry.language !== language ? 1 : 0);
  return [...entries].sort((a, b) => first(a) - first(b));
}
