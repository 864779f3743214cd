import type { LintFacts, LintLanguage, Severity } from '../types.ts';
import type { CodeRule, Examples } from '../rule.ts';
import { compileTest } from '../text/patterns.ts';
import { absence, codeRule, inStages, say } from './internal.ts';

export const BREACH_FACTS: LintFacts = {
  incidentOpen: true,
  personalDataBreach: true,
  figures: { affectedPeople: 120000 },
  affectedComponents: ['Espace client'],
  unconfirmed: [],
  keyMessages: [],
};

/** A breach notice that must say something (GDPR art. 34 and the doctrine's §6): present or reported at the end. */
export function breachContentRule(definition: {
  id: string;
  severity?: Severity;
  summary: Record<LintLanguage, string>;
  present: Record<LintLanguage, string[]>;
  message: Record<LintLanguage, string>;
  examples: Record<LintLanguage, Examples>;
}): CodeRule {
  const present = { fr: compileTest(definition.present.fr), en: compileTest(definition.present.en) };
  return codeRule({
    id: definition.id,
    category: 'breach',
    severity: definition.severity ?? 'error',
    doctrine: '§6 — personal data: explain consequences, give instructions, never minimize',
    summary: definition.summary,
    appliesTo: inStages('breach_notice'),
    exampleContext: { stage: 'breach_notice', channel: 'email', facts: BREACH_FACTS },
    check: (ctx) => (present[ctx.language].test(ctx.text.norm) ? [] : [absence(ctx.text, say(ctx, definition.message))]),
    examples: definition.examples,
  });
}
