import type { Channel, GlossaryEntry, LintFacts, LintInput, LintLanguage, LintSibling, SocialNetwork, Stage } from './types.ts';
import { normalize, toOriginal, type NormalizedText } from './text/normalize.ts';
import { sentencesOf, wordsOf, type Span, type Word } from './text/segment.ts';
import { quotedSpans, skippedSpans } from './text/spans.ts';

/** One field (body or e-mail subject), normalised and segmented once for every rule. */
export interface FieldText extends NormalizedText {
  field: 'text' | 'subject';
  sentences: Span[];
  quoted: Span[];
  skipped: Span[];
  /** Word-like segments, computed on first use. */
  words(): Word[];
  toOriginal(start: number, end: number): [number, number];
  /** Where an absence is reported: zero-width after the last non-space character (original offset). */
  endOffset: number;
}

/** Audiences that read technical words as they are (workspace ids; anything else is lay). */
const TECHNICAL_AUDIENCES = new Set(['technical_customers', 'engineering', 'engineers', 'developers', 'it', 'it_teams', 'sre', 'ops']);

export interface LintContext {
  language: LintLanguage;
  stage: Stage;
  audience: string;
  isLay: boolean;
  channel: Channel;
  network?: SocialNetwork;
  facts?: LintFacts;
  glossary: GlossaryEntry[];
  siblings: LintSibling[];
  nextUpdateLabel?: string;
  text: FieldText;
  subject?: FieldText;
}

export function analyze(original: string, language: LintLanguage, field: 'text' | 'subject'): FieldText {
  const normalized = normalize(original);
  const sentences = sentencesOf(normalized.cased, language);
  let words: Word[] | undefined;
  const trimmed = original.trimEnd();
  return {
    ...normalized,
    field,
    sentences,
    quoted: quotedSpans(normalized.norm),
    skipped: skippedSpans(normalized.cased),
    words: () => (words ??= wordsOf(normalized.norm, language, sentences)),
    toOriginal: (start, end) => toOriginal(normalized, start, end),
    endOffset: trimmed.length,
  };
}

const list = <T>(value: T[] | undefined): T[] => (Array.isArray(value) ? value : []);

/** Facts as given, with every list present: the service layer's projection may omit empty ones. */
function factsOf(facts: LintFacts | undefined): LintFacts | undefined {
  if (!facts) return undefined;
  return {
    ...facts,
    figures: facts.figures ?? {},
    affectedComponents: list(facts.affectedComponents).filter((c) => typeof c === 'string' && c.trim() !== ''),
    unconfirmed: list(facts.unconfirmed).filter((c) => typeof c === 'string' && c.trim() !== ''),
    keyMessages: list(facts.keyMessages).filter((k) => k && typeof k.text === 'string' && k.text.trim() !== ''),
  };
}

export function buildContext(input: LintInput): LintContext {
  return {
    language: input.language,
    stage: input.stage,
    audience: input.audience,
    isLay: typeof input.technicalAudience === 'boolean' ? !input.technicalAudience : !TECHNICAL_AUDIENCES.has(input.audience),
    channel: input.channel,
    network: input.network,
    facts: factsOf(input.facts),
    glossary: list(input.glossary),
    siblings: list(input.siblings).filter((s) => s && typeof s.text === 'string'),
    nextUpdateLabel: input.nextUpdateLabel,
    text: analyze(input.text, input.language, 'text'),
    subject: typeof input.subject === 'string' && input.channel === 'email' ? analyze(input.subject, input.language, 'subject') : undefined,
  };
}
