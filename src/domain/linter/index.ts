// The doctrine linter: pure, used as-you-type by the console and by `tocsin lint`.
import { lintWith } from './engine.ts';
import { examplesOf, type Example } from './rule.ts';
import { allRules } from './rules/index.ts';
import type { Finding, LintInput, LintLanguage, Severity } from './types.ts';

export type {
  Channel,
  Finding,
  GlossaryEntry,
  LintFacts,
  LintInput,
  LintLanguage,
  LintSibling,
  Severity,
  SocialNetwork,
  Stage,
} from './types.ts';
export { LintConfigError } from './errors.ts';
export { smsSegments } from './sms.ts';

/** Every rule id, stable: they name findings, configuration keys and documentation anchors. */
export const ruleIds: readonly string[] = Object.freeze(allRules.map((rule) => rule.id));

/**
 * Findings for one message variant, sorted by field and position. Never throws on the text
 * (empty, huge, binary, mixed languages); throws LintConfigError on a caller mistake: unknown
 * rule id or severity in `rules`, unknown stage, channel, language or time zone.
 */
export function lint(input: LintInput): Finding[] {
  return lintWith(input, allRules);
}

export interface RuleDescription {
  id: string;
  category: string;
  severity: Severity;
  doctrine: string;
  summary: string;
  examples: { bad: string[]; good: string[] };
}

const plain = (example: Example) => (typeof example === 'string' ? example : example.text).replace('[[', '').replace(']]', '');

/** The rules, for the README and the console: what each checks and its examples, in one language. */
export function describeRules(language: LintLanguage): RuleDescription[] {
  return allRules.map((rule) => {
    const examples = examplesOf(rule, language);
    return {
      id: rule.id,
      category: rule.category,
      severity: rule.severity,
      doctrine: rule.doctrine,
      summary: rule.summary[language],
      examples: { bad: examples.bad.map(plain), good: examples.good.map(plain) },
    };
  });
}
