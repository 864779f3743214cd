import type { LintLanguage } from '../types.ts';
import type { CodeRule, Examples } from '../rule.ts';
import { compileTest } from '../text/patterns.ts';
import { absence, appended, codeRule, inStages, say } from './internal.ts';

/** A closing message that must hold something (doctrine §8): present, or reported at the end. */
export function closingContentRule(definition: {
  id: string;
  summary: Record<LintLanguage, string>;
  present: Record<LintLanguage, string[]>;
  message: Record<LintLanguage, string>;
  /** A sentence to append, when a generic one is a real fix. */
  insert?: Record<LintLanguage, string>;
  examples: Record<LintLanguage, Examples>;
}): CodeRule {
  const present = { fr: compileTest(definition.present.fr), en: compileTest(definition.present.en) };
  return codeRule({
    id: definition.id,
    category: 'closing',
    severity: 'warning',
    doctrine: '§8 — after the crisis: explanation, apology, corrective actions',
    summary: definition.summary,
    appliesTo: inStages('closing'),
    exampleContext: { stage: 'closing', channel: 'email' },
    check: (ctx) =>
      present[ctx.language].test(ctx.text.norm)
        ? []
        : [absence(ctx.text, say(ctx, definition.message), definition.insert ? appended(ctx.text, definition.insert[ctx.language]) : undefined)],
    examples: definition.examples,
  });
}
