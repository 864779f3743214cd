import type { LintLanguage } from '../types.ts';

const FR_VOWELS = 'aeiouyàâäéèêëîïôöùûüœæ';
const FR_VOWEL = new RegExp(`[${FR_VOWELS}]`);
// -ent is pronounced in these (nouns, adjectives, adverbs); silent in verbs ("ils travaillent").
const FR_SOUNDED_ENT = new Set([
  'agent', 'argent', 'client', 'souvent', 'urgent', 'récent', 'différent', 'accident', 'incident', 'parent', 'présent', 'absent', 'président',
  'évident', 'intelligent', 'permanent', 'serpent', 'talent', 'fréquent', 'précédent', 'excellent', 'prudent', 'patient', 'transparent',
  'apparent', 'compétent', 'cohérent', 'équivalent', 'adjacent', 'consent', 'comment', 'content', 'violent', 'innocent', 'décent', 'indépendent',
  'pendant', 'entent', 'event', 'évent', 'couvent', 'auvent', 'arpent', 'régent', 'strident', 'ardent', 'latent', 'potent', 'brent', 'torrent',
]);

/**
 * Spoken syllables of one French word, for Kandel–Moles: vowel groups, where a final -e, -es
 * and a verb's -ent are silent, u after g/q is not a vowel, and é, ï, ü, ë start a new syllable
 * ("ré-u-nion", "ma-ïs"). Always at least one.
 */
export function syllablesFr(word: string): number {
  let w = word.toLowerCase().replace(/[^a-zàâäéèêëîïôöùûüœæç]/g, '');
  if (w === '') return 0;
  if (w.length > 4 && w.endsWith('ent') && !w.endsWith('ment') && !w.endsWith('ient') && !FR_SOUNDED_ENT.has(w) && !FR_VOWEL.test(w[w.length - 4]!)) {
    w = w.slice(0, -2);
  }
  if (/[gq]ues?$/.test(w)) w = w.replace(/ues?$/, '');
  else if (w.length > 2 && w.endsWith('es') && !FR_VOWEL.test(w[w.length - 3]!)) w = w.slice(0, -2);
  else if (w.length > 2 && w.endsWith('e') && !FR_VOWEL.test(w[w.length - 2]!)) w = w.slice(0, -1);
  w = w.replace(/([gq])u(?=[aeiouyéèêâîô])/g, '$1');
  let count = 0;
  let inGroup = false;
  for (let i = 0; i < w.length; i++) {
    const c = w[i]!;
    if (!FR_VOWELS.includes(c)) {
      inGroup = false;
      continue;
    }
    const previous = w[i - 1];
    // Hiatus: "ré-u-nion", "ma-ïs", "co-or-don-ner", "cli-ent" (i after consonant + l/r).
    const startsNew =
      !inGroup ||
      'ïüë'.includes(c) ||
      (c === 'é' && previous !== undefined) ||
      (previous === 'é' && c !== 'e') ||
      (c === 'o' && previous === 'o') ||
      (previous === 'i' && i >= 3 && 'lr'.includes(w[i - 2]!) && !FR_VOWELS.includes(w[i - 3]!));
    if (startsNew) count++;
    inGroup = true;
  }
  return Math.max(1, count);
}

/**
 * Syllables of one English word, for Flesch: vowel groups, less a silent final -e, -es, -ed
 * (kept after t/d: "up-dat-ed"; "-le" after a consonant is one: "ta-ble"), plus one per hiatus
 * ("ra-di-o", "ac-tu-al", "vid-e-o"). Always at least one.
 */
export function syllablesEn(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w === '') return 0;
  if (w.length <= 3) return 1;
  if (/[^aeiouy]le$/.test(w) || /(?:[sxz]|ch|sh|[cg])es$/.test(w)) {
    // "ta-ble", "box-es", "ser-vi-ces": the ending is sounded.
  } else if (w.endsWith('es')) w = w.slice(0, -2);
  else if (/[^td]ed$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('e') && !w.endsWith('ee')) w = w.slice(0, -1);
  w = w.replace(/^y/, '').replace(/([qg])u(?=[aeiouy])/g, '$1');
  const groups = (w.match(/[aeiouy]+/g) ?? []).length;
  const hiatus = (w.match(/(?:[^cgstx]i[ao]|ua|eo(?!p)|iu|uo)/g) ?? []).length;
  return Math.max(1, groups + hiatus);
}

export function syllables(word: string, language: LintLanguage): number {
  if (/^\d/.test(word)) return Math.min(4, Math.max(1, Math.ceil(word.replace(/\D/g, '').length / 2)));
  // Acronyms are read letter by letter: "SMS", "CNIL" (a rough cost of one per letter).
  if (word.length >= 2 && word.length <= 5 && word === word.toUpperCase() && /\p{Lu}/u.test(word)) return word.length;
  return language === 'fr' ? syllablesFr(word) : syllablesEn(word);
}
