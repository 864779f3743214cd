import { useLanguage, useText } from '../../i18n.ts';
import type { Inject } from './model.ts';
import { drillsText } from './text.ts';

/** A scenario's injects in drill-time order: minute, kind, who, what, and what the doctrine expects. */
export function InjectList({ injects, showExpected = false }: { injects: Inject[]; showExpected?: boolean }) {
  const t = useText(drillsText);
  const language = useLanguage();
  return (
    <ol class="drill-injects">
      {[...injects]
        .sort((a, b) => a.at_minute - b.at_minute)
        .map((inject) => (
          <li key={inject.key} data-kind={inject.kind}>
            <p>
              <span class="drill-minute">{t('minute', { minute: inject.at_minute })}</span>
              <strong>{t(`kind_${inject.kind}`)}</strong> — {inject.from[language]}
            </p>
            <p>{inject.text[language]}</p>
            {showExpected && inject.expects && <p class="meta">{t('expects', { text: inject.expects[language] })}</p>}
          </li>
        ))}
    </ol>
  );
}
