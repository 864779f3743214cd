import type { LintLanguage } from '../types.ts';
import { normalize } from './normalize.ts';
import { wordsOf, type Word } from './segment.ts';

const STOP: Record<LintLanguage, Set<string>> = {
  fr: new Set(
    "le la les l un une des de du d au aux et ou en à a est sont été être par pour sur dans avec sans ce cet cette ces son sa ses leur leurs nos notre vos votre qui que qu se s y il elle ils elles nous vous on ne n pas plus très mais donc car ainsi aussi tout tous toute toutes comme lors depuis entre chez cela ceci ça dont où si même peut".split(' '),
  ),
  en: new Set('the a an of to in on at by for with from and or is are was were be been being it its this that these those our your their we you they has have had not no as into than then so also all any can will would may might could very just more some'.split(' ')),
};

/** A crude stem: the first five letters of a long word, so "attaque" meets "attaquée", "configuration" meets "configurations". */
export function stem(word: string): string {
  return word.length > 5 ? word.slice(0, 5) : word;
}

/** Content-word stems of a text in its language (stopwords and one-letter words left out). */
export function contentStems(text: string, language: LintLanguage): string[] {
  const words = wordsOf(normalize(text).norm, language).flatMap((w) => w.text.split("'"));
  return [...new Set(words.filter((w) => w.length > 1 && !STOP[language].has(w)).map(stem))];
}

/** The stem of a word as segmented (an elided article dropped: "d'attaque" → "attaq"). */
export function wordStem(word: Word): string {
  return stem(word.text.includes("'") ? word.text.slice(word.text.lastIndexOf("'") + 1) : word.text);
}
