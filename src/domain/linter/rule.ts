import type { Channel, GlossaryEntry, LintFacts, LintLanguage, LintSibling, Severity, SocialNetwork, Stage } from './types.ts';
import type { LintContext } from './context.ts';
import type { CompiledPack } from './pack.ts';

export type Category = 'structure' | 'words' | 'promises' | 'sins' | 'breach' | 'consistency' | 'closing' | 'channel';

/** The input an example is linted with, beyond its text and language. */
export interface ExampleContext {
  stage?: Stage;
  audience?: string;
  channel?: Channel;
  network?: SocialNetwork;
  subject?: string;
  facts?: LintFacts;
  glossary?: GlossaryEntry[];
  siblings?: LintSibling[];
  nextUpdateLabel?: string;
}

/**
 * An example in a rule's documentation and tests. A bad one marks the one expected finding with
 * [[…]] (in `text`, or in `context.subject` for a subject finding; [[]] for an absence). A good one
 * naming `guards` must fire once that antipattern (its index) or the quote skip is removed.
 */
export type Example = string | { text: string; context?: ExampleContext; guards?: 'quoted' | number };

export interface Examples {
  bad: Example[];
  good: Example[];
}

/** A rule's hit, in original offsets of its field. */
export interface Hit {
  start: number;
  end: number;
  field?: 'text' | 'subject';
  message: string;
  suggestion?: string;
  severity?: Severity;
}

interface RuleCommon {
  id: string;
  category: Category;
  severity: Severity;
  /** Doctrine section, shown with each finding: "§2 — tone". */
  doctrine: string;
  summary: Record<LintLanguage, string>;
  /** Whether the rule runs for this message's stage, audience, channel and facts (default: always). */
  appliesTo?: (ctx: LintContext) => boolean;
  /** What its examples are linted with unless they say otherwise. */
  exampleContext?: ExampleContext;
  /** Report only the first hit per field: one promotional post is one problem. */
  firstHitOnly?: boolean;
}

/** Lexical rules: one pack of patterns per language (linter-anchors §2, "data rules"). */
export interface DataRule extends RuleCommon {
  kind: 'data';
  packs: Record<LintLanguage, CompiledPack>;
}

/** Rules over structure, facts and channels: code, with examples per language. */
export interface CodeRule extends RuleCommon {
  kind: 'code';
  check: (ctx: LintContext) => Hit[];
  examples: Record<LintLanguage, Examples>;
}

export type Rule = DataRule | CodeRule;

export function examplesOf(rule: Rule, language: LintLanguage): Examples {
  return rule.kind === 'data' ? rule.packs[language].examples : rule.examples[language];
}

/** Fills a message template: {hit}, {suggestion} and any other named value. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (values[key] !== undefined ? String(values[key]) : whole));
}
