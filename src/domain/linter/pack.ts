import { z } from 'zod';
import { channels, socialNetworks, stages, type LintLanguage, type Severity } from './types.ts';
import type { Examples, ExampleContext, Hit } from './rule.ts';
import type { FieldText } from './context.ts';
import { HIT } from './text/lexicon.ts';
import { bounded, spaced } from './text/patterns.ts';
import { overlapsAny } from './text/spans.ts';

const SeverityEnum = z.enum(['error', 'warning', 'info']);

const compiles = (source: string) => {
  try {
    new RegExp(spaced(source.replaceAll(HIT, 'x')), 'u');
    return true;
  } catch {
    return false;
  }
};
const Pattern = z.string().min(1).refine(compiles, { message: 'is not a valid regular expression' });

const ExampleContextSchema = z.strictObject({
  stage: z.enum(stages).optional(),
  audience: z.string().optional(),
  channel: z.enum(channels).optional(),
  network: z.enum(socialNetworks).optional(),
  subject: z.string().optional(),
  facts: z.any().optional(),
  glossary: z.array(z.any()).optional(),
  siblings: z.array(z.any()).optional(),
  nextUpdateLabel: z.string().optional(),
}) satisfies z.ZodType<ExampleContext>;

const markerCount = (text: string) => text.split('[[').length - 1;
const BadExample = z.union([z.string(), z.strictObject({ text: z.string(), context: ExampleContextSchema.optional() })]).refine(
  (e) => markerCount(typeof e === 'string' ? e : e.text) + markerCount(typeof e === 'string' ? '' : (e.context?.subject ?? '')) === 1,
  { message: 'a bad example marks exactly one [[…]]' },
);
const GoodExample = z.union([
  z.string(),
  z.strictObject({ text: z.string(), context: ExampleContextSchema.optional(), guards: z.union([z.literal('quoted'), z.number().int().min(0)]).optional() }),
]);
export const ExamplesSchema = z.strictObject({ bad: z.array(BadExample).min(1), good: z.array(GoodExample).min(1) }) satisfies z.ZodType<Examples>;

/**
 * A language pack of a data rule, checked strictly at load (Vale's ErrorUnused, LanguageTool's
 * rules.xsd): an unknown key or a pattern that does not compile refuses to load.
 */
export const PackSchema = z.strictObject({
  /** Regex sources over the normalised text; an entry may carry its replacement ($1…) and severity. */
  patterns: z.array(z.union([Pattern, z.strictObject({ pattern: Pattern, suggestion: z.string().optional(), severity: SeverityEnum.optional() })])).min(1),
  /** A hit overlapped by an antipattern match is dropped; {hit} stands for the pack's patterns. */
  antipatterns: z.array(Pattern).default([]),
  /** Quoted speech is skipped unless set to false (tone rules read what the company says, not what it quotes). */
  skipQuoted: z.boolean().default(true),
  /** Message template: {hit} is the text found, {suggestion} the replacement. */
  message: z.string().min(1),
  /** Message when the entry has no suggestion (default: `message`). */
  messageWithoutSuggestion: z.string().min(1).optional(),
  examples: ExamplesSchema,
});
export type PackInput = z.input<typeof PackSchema>;

interface Entry {
  exact: RegExp;
  suggestion?: string;
  severity?: Severity;
}

export interface CompiledPack {
  source: z.output<typeof PackSchema>;
  combined: RegExp;
  entries: Entry[];
  antipatterns: RegExp[];
  skipQuoted: boolean;
  message: string;
  messageWithoutSuggestion: string;
  examples: Examples;
}

export class PackLoadError extends Error {}

/** Validates and compiles a pack once: one alternation with a named group per entry, longest first. */
export function compilePack(ruleId: string, language: LintLanguage, input: PackInput): CompiledPack {
  const parsed = PackSchema.safeParse(input);
  if (!parsed.success) throw new PackLoadError(`Rule ${ruleId} (${language}) does not load: ${z.prettifyError(parsed.error)}`);
  const source = parsed.data;
  const entries = source.patterns.map((p) => (typeof p === 'string' ? { pattern: p } : p));
  const order = entries.map((_, i) => i).sort((a, b) => entries[b]!.pattern.length - entries[a]!.pattern.length);
  const combined = new RegExp(order.map((i) => `(?<p${i}>${bounded(spaced(entries[i]!.pattern))})`).join('|'), 'gu');
  const plain = order.map((i) => entries[i]!.pattern).join('|');
  return {
    source,
    combined,
    entries: entries.map((e) => ({ exact: new RegExp(`^(?:${spaced(e.pattern)})$`, 'u'), suggestion: e.suggestion, severity: e.severity })),
    antipatterns: source.antipatterns.map((a) => new RegExp(spaced(a.replaceAll(HIT, bounded(`(?:${plain})`))), 'gu')),
    skipQuoted: source.skipQuoted,
    message: source.message,
    messageWithoutSuggestion: source.messageWithoutSuggestion ?? source.message,
    examples: source.examples as Examples,
  };
}

/**
 * Keeps the hit's capitalisation on the suggestion (retext-equality): "Panne majeure" → "Panne",
 * "PANNE MAJEURE" → "PANNE"; an acronym ("DNS", "SEPA") gives its plain word as written.
 */
function matchCase(original: string, suggestion: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (suggestion === '' || letters === '' || letters === letters.toLowerCase()) return suggestion;
  if (letters === letters.toUpperCase()) return /\s/.test(original.trim()) ? suggestion.toUpperCase() : suggestion;
  const first = original.charAt(0);
  return first === first.toUpperCase() ? suggestion.charAt(0).toUpperCase() + suggestion.slice(1) : suggestion;
}

export interface RunOptions {
  /** Normalised terms never reported (the audience's glossary, linter-anchors §2 control 3). */
  accepted?: ReadonlySet<string>;
}

/** Runs a compiled pack over one field. */
export function runPack(pack: CompiledPack, field: FieldText, options: RunOptions = {}): Hit[] {
  const { norm } = field;
  const blocked: Array<{ start: number; end: number }> = [];
  for (const anti of pack.antipatterns) {
    anti.lastIndex = 0;
    for (let m = anti.exec(norm); m; m = anti.exec(norm)) {
      if (m[0] === '') anti.lastIndex++;
      else blocked.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  const hits: Hit[] = [];
  const re = pack.combined;
  re.lastIndex = 0;
  for (let m = re.exec(norm); m; m = re.exec(norm)) {
    const start = m.index;
    const end = start + m[0].length;
    if (end === start) {
      re.lastIndex++;
      continue;
    }
    if (overlapsAny(field.skipped, start, end)) continue;
    if (pack.skipQuoted && overlapsAny(field.quoted, start, end)) continue;
    if (blocked.some((b) => b.start < end && start < b.end)) continue;
    if (options.accepted?.has(m[0])) continue;
    const index = Number(Object.entries(m.groups!).find(([, v]) => v !== undefined)![0].slice(1));
    const entry = pack.entries[index]!;
    const [oStart, oEnd] = field.toOriginal(start, end);
    const hitText = field.original.slice(oStart, oEnd);
    const suggestion = entry.suggestion === undefined ? undefined : matchCase(hitText, m[0].replace(entry.exact, entry.suggestion));
    const template = suggestion === undefined ? pack.messageWithoutSuggestion : pack.message;
    hits.push({
      start: oStart,
      end: oEnd,
      field: field.field,
      message: template.replaceAll('{hit}', hitText).replaceAll('{suggestion}', suggestion ?? ''),
      suggestion,
      severity: entry.severity,
    });
  }
  return hits;
}

/** The pack without one guard (an antipattern's index, or the quote skip): tests check each guard is what protects its example. */
export function withoutGuard(ruleId: string, language: LintLanguage, pack: CompiledPack, guard: 'quoted' | number): CompiledPack {
  const source = pack.source;
  return compilePack(ruleId, language, {
    ...source,
    antipatterns: guard === 'quoted' ? source.antipatterns : source.antipatterns.filter((_, i) => i !== guard),
    skipQuoted: guard === 'quoted' ? false : source.skipQuoted,
  });
}
