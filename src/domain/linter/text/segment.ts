import type { LintLanguage } from '../types.ts';

/** A range [start, end) of the normalised text. */
export interface Span {
  start: number;
  end: number;
}

export interface Word extends Span {
  /** As written in the normalised text (lowercase). */
  text: string;
}

const sentenceSegmenters = { fr: new Intl.Segmenter('fr', { granularity: 'sentence' }), en: new Intl.Segmenter('en', { granularity: 'sentence' }) };
const wordSegmenters = { fr: new Intl.Segmenter('fr', { granularity: 'word' }), en: new Intl.Segmenter('en', { granularity: 'word' }) };

// ICU breaks after these ("M. Dupont", "Mr. Smith"): a sentence ending in one of them goes on.
const ABBREVIATIONS: Record<LintLanguage, RegExp> = {
  fr: /(?<![\p{L}.])(?:M|MM|Mme|Mmes|Mlle|Dr|Pr|Me|St|Ste|cf|p|pp|env|n°|art|av|bd|tél|réf|vol|éd|ex|fig|chap|approx)\.\s*$/u,
  en: /(?<![\p{L}.])(?:Mr|Mrs|Ms|Dr|Prof|St|Mt|Jr|Sr|Inc|Ltd|Co|Corp|vs|approx|dept|fig|e\.g|i\.e|U\.S|U\.K|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.\s*$/u,
};
const CLOSERS = /^[»”"’)\]]+\s*/u;

/** Longest piece given to Intl.Segmenter at once: on Node 20 its time grows with the square of the input length. */
const CHUNK = 4096;

/**
 * Cuts a text into pieces of at most CHUNK units, preferring a line break, then a sentence end,
 * then a space; never inside a surrogate pair. A message of a few kB is one piece.
 */
export function chunksOf(text: string, from = 0, to = text.length): Span[] {
  const chunks: Span[] = [];
  let start = from;
  while (to - start > CHUNK) {
    const window = text.slice(start, start + CHUNK);
    let cut = window.lastIndexOf('\n') + 1;
    if (cut < CHUNK / 2) cut = Math.max(window.lastIndexOf('. '), window.lastIndexOf('! '), window.lastIndexOf('? ')) + 2;
    if (cut < CHUNK / 2) cut = window.lastIndexOf(' ') + 1;
    if (cut < CHUNK / 2) cut = CHUNK;
    if (/[\ud800-\udbff]/.test(text[start + cut - 1] ?? '')) cut--;
    chunks.push({ start, end: start + cut });
    start += cut;
  }
  chunks.push({ start, end: to });
  return chunks;
}

/** Sentences of `cased` (case matters to ICU), with the fr/en post-pass (engineering-notes, "sentences, words"). */
export function sentencesOf(cased: string, language: LintLanguage): Span[] {
  const raw: Span[] = [];
  for (const chunk of chunksOf(cased)) {
    const piece = chunk.start === 0 && chunk.end === cased.length ? cased : cased.slice(chunk.start, chunk.end);
    for (const { index, segment } of sentenceSegmenters[language].segment(piece)) raw.push({ start: chunk.start + index, end: chunk.start + index + segment.length });
  }
  const merged: Span[] = [];
  for (const span of raw) {
    const previous = merged.at(-1);
    if (!previous) {
      merged.push(span);
      continue;
    }
    const text = cased.slice(span.start, span.end);
    const closer = CLOSERS.exec(text);
    if (closer) {
      // "« Bonjour. » Puis…": the closing quote belongs to the sentence before; a lowercase word
      // after it ("» a-t-il dit") means the sentence goes on.
      const rest = text.slice(closer[0].length);
      if (rest === '' || /^\p{Ll}/u.test(rest)) {
        previous.end = span.end;
        continue;
      }
      previous.end = span.start + closer[0].length;
      merged.push({ start: previous.end, end: span.end });
      continue;
    }
    if (ABBREVIATIONS[language].test(cased.slice(Math.max(previous.start, previous.end - 12), previous.end))) {
      previous.end = span.end;
      continue;
    }
    merged.push(span);
  }
  return merged;
}

/** Word-like segments (letters or digits) of `norm`, segmented sentence by sentence when given them (words never cross one). */
export function wordsOf(norm: string, language: LintLanguage, sentences?: readonly Span[]): Word[] {
  const words: Word[] = [];
  const pieces = norm.length <= CHUNK ? [{ start: 0, end: norm.length }] : (sentences ?? [{ start: 0, end: norm.length }]).flatMap((s) => chunksOf(norm, s.start, s.end));
  for (const piece of pieces) {
    const text = piece.start === 0 && piece.end === norm.length ? norm : norm.slice(piece.start, piece.end);
    for (const { index, segment, isWordLike } of wordSegmenters[language].segment(text)) {
      if (isWordLike) words.push({ start: piece.start + index, end: piece.start + index + segment.length, text: segment });
    }
  }
  return words;
}
