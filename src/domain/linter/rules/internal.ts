import type { FieldText, LintContext } from '../context.ts';
import type { LintLanguage, Stage } from '../types.ts';
import type { CodeRule, DataRule, Examples, Hit } from '../rule.ts';
import { compilePack, type PackInput } from '../pack.ts';

export function inStages(...stages: Stage[]): (ctx: LintContext) => boolean {
  return (ctx) => stages.includes(ctx.stage);
}

export function dataRule(definition: Omit<DataRule, 'kind' | 'packs'> & { packs: Record<LintLanguage, PackInput> }): DataRule {
  return {
    ...definition,
    kind: 'data',
    packs: { fr: compilePack(definition.id, 'fr', definition.packs.fr), en: compilePack(definition.id, 'en', definition.packs.en) },
  };
}

export function codeRule(definition: Omit<CodeRule, 'kind'> & { examples: Record<LintLanguage, Examples> }): CodeRule {
  return { ...definition, kind: 'code' };
}

/** A message in the linted text's language. */
export function say(ctx: LintContext, messages: Record<LintLanguage, string>): string {
  return messages[ctx.language];
}

/**
 * An absence: zero-width right after the last non-space character of the field (Vale reports
 * absences on one documented span). A suggestion is text to insert there.
 */
export function absence(field: FieldText, message: string, suggestion?: string): Hit {
  return { start: field.endOffset, end: field.endOffset, field: field.field, message, ...(suggestion !== undefined ? { suggestion } : {}) };
}

/** Text to append as a new sentence: a leading space unless the field is empty. */
export function appended(field: FieldText, sentence: string): string {
  return field.endOffset === 0 ? sentence : ` ${sentence}`;
}

/** A hit on the normalised range [start, end) of a field. */
export function hitAt(field: FieldText, start: number, end: number, message: string, suggestion?: string): Hit {
  const [s, e] = field.toOriginal(start, end);
  return { start: s, end: e, field: field.field, message, ...(suggestion !== undefined ? { suggestion } : {}) };
}

export function quote(field: FieldText, start: number, end: number): string {
  const [s, e] = field.toOriginal(start, end);
  return field.original.slice(s, e);
}

/** Whether any sentence of the field matches every regex given (non-global regexes). */
export function someSentence(field: FieldText, ...patterns: RegExp[]): boolean {
  return field.sentences.some((s) => {
    const sentence = field.norm.slice(s.start, s.end);
    return patterns.every((p) => p.test(sentence));
  });
}
