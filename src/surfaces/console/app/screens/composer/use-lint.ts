import { useMemo } from 'preact/hooks';
import { lintVariant, type LintableVariant } from '../../../../../domain/message/lint-variant.ts';
import type { Finding, LintContext, Stage } from './types.ts';

/**
 * The server's clock as this browser reads it: the lint context carries the server's time, so
 * "today" in a "next update at …" label is the server's even when the machine's clock is off.
 */
export function useServerClock(context: LintContext | undefined): () => Date {
  return useMemo(() => {
    const offsetMs = context ? Date.parse(context.now) - Date.now() : 0;
    return () => new Date(Date.now() + offsetMs);
  }, [context]);
}

/**
 * A version's findings, computed here as the person types with the same code the server runs on
 * every save and at publish (src/domain/message/lint-variant.ts): the server stays the judge.
 */
export function lintInBrowser(
  variant: LintableVariant,
  siblings: LintableVariant[],
  context: { stage: Stage; lint: LintContext; nextUpdateAt: string | null; now: Date },
): Finding[] | null {
  try {
    const setting = { facts: context.lint.facts ?? undefined, glossary: context.lint.glossary, rules: context.lint.rules, timeZone: context.lint.time_zone };
    return lintVariant(variant, { stage: context.stage, siblings, setting, nextUpdateAt: context.nextUpdateAt ? new Date(context.nextUpdateAt) : null, now: context.now });
  } catch {
    // A setting the linter refuses (a rule removed since the page loaded): the server's findings stand.
    return null;
  }
}
