import type { LintLanguage } from '../types.ts';
import type { Span, Word } from './segment.ts';
import { syllables } from './syllables.ts';

export interface ReadabilityCounts {
  words: number;
  sentences: number;
  syllables: number;
}

/**
 * Higher is easier. English: Flesch, 206.835 − 1.015 × words/sentence − 84.6 × syllables/word
 * (words/flesch). French: Kandel–Moles, 207 − 1.015 × words/sentence − 73.6 × syllables/word
 * (textstat's "fr" constants).
 */
export function readingEase(counts: ReadabilityCounts, language: LintLanguage): number {
  const perSentence = counts.words / Math.max(1, counts.sentences);
  const perWord = counts.syllables / Math.max(1, counts.words);
  return language === 'fr' ? 207 - 1.015 * perSentence - 73.6 * perWord : 206.835 - 1.015 * perSentence - 84.6 * perWord;
}

/** Counts over the sentences that hold at least one word; `cased` gives acronyms their capitals. */
export function countsOf(cased: string, words: readonly Word[], sentences: readonly Span[], language: LintLanguage): ReadabilityCounts {
  let syllableCount = 0;
  for (const word of words) syllableCount += syllables(cased.slice(word.start, word.end), language);
  let sentenceCount = 0;
  let next = 0;
  for (const sentence of sentences) {
    let hasWord = false;
    while (next < words.length && words[next]!.start < sentence.end) {
      hasWord = true;
      next++;
    }
    if (hasWord) sentenceCount++;
  }
  return { words: words.length, sentences: sentenceCount, syllables: syllableCount };
}
