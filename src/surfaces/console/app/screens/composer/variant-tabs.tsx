import type { ComponentChildren } from 'preact';
import { useText } from '../../i18n.ts';
import { composerText } from './text.ts';
import type { Language } from './types.ts';

export interface Tab {
  id: string;
  audience: string;
  language: Language;
  channel: string;
  errors: number;
  unsaved: boolean;
}

export const tabId = (variantId: string) => `version-tab-${variantId}`;
export const panelId = 'version-panel';

/**
 * One tab per version (audience × language × channel). Arrow keys move between tabs as in every
 * tab list; Alt+→ / Alt+← do it from anywhere in the composer.
 */
export function VariantTabs({ tabs, activeId, onSelect, children }: { tabs: Tab[]; activeId: string | null; onSelect: (id: string, focus: boolean) => void; children?: ComponentChildren }) {
  const t = useText(composerText);
  const move = (from: number, to: number) => {
    const next = tabs[(to + tabs.length) % tabs.length];
    if (next && from !== to) onSelect(next.id, true);
  };
  return (
    <div class="version-bar">
      <div
        role="tablist"
        aria-label={t('versions')}
        class="tabs version-tabs"
        onKeyDown={(event) => {
          const index = tabs.findIndex((tab) => tab.id === activeId);
          if (event.altKey || event.ctrlKey || event.metaKey) return;
          const to = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
          if (to === undefined) return;
          event.preventDefault();
          move(index, to);
        }}
      >
        {tabs.map((tab) => {
          const selected = tab.id === activeId;
          return (
            <button
              key={tab.id}
              type="button"
              role="tab"
              id={tabId(tab.id)}
              aria-selected={selected}
              aria-controls={selected ? panelId : undefined}
              tabIndex={selected ? 0 : -1}
              onClick={() => onSelect(tab.id, false)}
            >
              <span class="version-audience">{tab.audience}</span>
              <span class="version-meta">
                {' · '}
                <abbr title={t(`language_${tab.language}`)}>{tab.language.toUpperCase()}</abbr>
                {' · '}
                {tab.channel}
              </span>
              {tab.errors > 0 && (
                <span class="version-badge">
                  <span class="visually-hidden">, </span>
                  {t('toCheck', { count: tab.errors })}
                </span>
              )}
              {tab.unsaved && (
                <span class="version-unsaved">
                  <span aria-hidden="true">•</span>
                  <span class="visually-hidden">, {t('unsavedMark')}</span>
                </span>
              )}
            </button>
          );
        })}
      </div>
      {children}
    </div>
  );
}

/** The next or previous tab's id, going round. */
export function neighbour(tabs: Tab[], activeId: string | null, step: 1 | -1): string | undefined {
  if (tabs.length === 0) return undefined;
  const index = tabs.findIndex((tab) => tab.id === activeId);
  return tabs[(index + step + tabs.length) % tabs.length]?.id;
}
