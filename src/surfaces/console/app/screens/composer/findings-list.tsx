import { useMemo } from 'preact/hooks';
import { describeRules } from '../../../../../domain/linter/index.ts';
import { useLanguage, useText } from '../../i18n.ts';
import { findingKey } from './highlight.ts';
import { composerText } from './text.ts';
import type { Finding, Language } from './types.ts';

interface FindingsListProps {
  /** Sorted, most pressing first. */
  findings: Finding[];
  /** The version's language: the findings' messages are written in it. */
  textLanguage: Language;
  texts: { text: string; subject: string | null };
  canApply: boolean;
  active: string | null;
  onApply: (finding: Finding) => void;
  onShow: (finding: Finding) => void;
}

/** What the linter points out in this version, each with why and, when there is one, the fix in one click. */
export function FindingsList({ findings, textLanguage, texts, canApply, active, onApply, onShow }: FindingsListProps) {
  const t = useText(composerText);
  const language = useLanguage();
  const why = useMemo(() => new Map(describeRules(language).map((rule) => [rule.id, rule])), [language]);
  const errors = findings.filter((f) => f.severity === 'error').length;
  return (
    <section class="card findings" aria-labelledby="findings-title">
      <h2 id="findings-title">{t('findings')}</h2>
      <p class="meta" role="status" aria-live="polite" aria-atomic="true">
        {findings.length === 0 ? t('noFindings') : `${errors === 0 ? t('noErrors') : t('errorsCount', { count: errors })} · ${t('adviceCount', { count: findings.length - errors })}`}
      </p>
      {findings.length > 0 && (
        <ol class="finding-list">
          {findings.map((finding) => {
            const key = findingKey(finding);
            const field = finding.field === 'subject' ? (texts.subject ?? '') : texts.text;
            const excerpt = field.slice(finding.start, finding.end);
            const rule = why.get(finding.rule);
            return (
              <li key={key} class={`finding finding-${finding.severity}${active === key ? ' finding-active' : ''}`} data-rule={finding.rule}>
                <p class="finding-head">
                  <span class="finding-severity">{t(`severity_${finding.severity}`)}</span>
                  {finding.field === 'subject' && <span class="meta"> · {t('inSubject')}</span>}
                </p>
                {excerpt ? (
                  <p class="finding-excerpt" lang={textLanguage}>
                    {textLanguage === 'fr' ? `« ${excerpt} »` : `“${excerpt}”`}
                  </p>
                ) : (
                  <p class="finding-excerpt finding-missing">{t('missing')}</p>
                )}
                <p class="finding-message" lang={textLanguage}>
                  {finding.message}
                </p>
                <details class="finding-why">
                  <summary>{t('why')}</summary>
                  <p>{rule ? rule.summary : t('unfilledWhy')}</p>
                  {rule && language === 'en' && <p class="meta">{rule.doctrine}</p>}
                </details>
                <div class="row">
                  {canApply && finding.suggestion !== undefined && (
                    <button type="button" class="btn btn-primary btn-small" onClick={() => onApply(finding)}>
                      {t('apply')}
                      <span class="visually-hidden"> — </span>
                      <span class="finding-fix">
                        {finding.suggestion.trim() === '' ? t('applyRemove') : finding.start === finding.end ? t('applyAdd', { text: finding.suggestion.trim() }) : t('applyWhat', { text: finding.suggestion })}
                      </span>
                    </button>
                  )}
                  <button type="button" class="btn btn-quiet btn-small" onClick={() => onShow(finding)}>
                    {t('showInText')}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
