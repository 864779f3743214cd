import type { LintLanguage } from '../linter/index.ts';
import { asSentence } from '../message/format.ts';

type Language = LintLanguage;

/**
 * Which known facts of the sheet say the cause and which say what changes, read the way the
 * linter's closing-cause-missing and closing-actions-missing rules read a closing message.
 */
const causeTest: Record<Language, RegExp> = {
  en: /\b(?:caus(?:e|ed|es)|due to|because|triggered|root cause|came from|result(?:ed)? from|stemm(?:ed|ing) from)\b/i,
  fr: /(?:\bcauses?\b|\bcausée?s?\b|\bdûe?s? à|\bdue à|provoquée?s? par|\borigine\b|déclenchée?s? par|résult(?:e|ait) d|s['’]explique par|liée?s? à)/i,
};
const actionTest: Record<Language, RegExp> = {
  en: /\b(?:we(?: have|'ve|’ve| will|'ll|’ll| are| now)? (?:added|adding|add|fixed|strengthened|introduced|changed|doubled|reviewed|automated|replaced|put in place|renew|check|monitor|test)|to prevent|going forward|from now on|in (?:the )?future|corrective actions?|has been (?:replaced|fixed|added|doubled|automated)|have been (?:replaced|fixed|added|doubled|automated))\b/i,
  fr: /(?:nous (?:avons|allons) (?:ajouté|ajouter|renforcé|renforcer|mis en place|mettre en place|modifié|modifier|doublé|doubler|revu|revoir|changé|changer|automatisé|automatiser|remplacé|remplacer|corrigé|corriger)|pour (?:éviter|empêcher|prévenir)|afin d['’](?:éviter|empêcher)|désormais|dorénavant|à l['’]avenir|(?:actions|mesures) correctives|a été (?:remplacée?|corrigée?|ajoutée?|doublée?|automatisée?)|ont été (?:remplacée?s|corrigée?s|ajoutée?s|doublée?s))/i,
};

export interface KnownFact {
  text: string;
  /** Null: written for any language. */
  language: Language | null;
}

function inLanguage<T extends { language: Language | null }>(items: readonly T[], language: Language): T[] {
  return items.filter((item) => item.language === null || item.language === language);
}

/** What changes so it does not happen again: every known fact that says so, oldest first. */
export function correctiveActions(known: readonly KnownFact[], language: Language): string[] {
  return inLanguage(known, language).filter((fact) => actionTest[language].test(fact.text)).map((fact) => asSentence(fact.text));
}

/** The cause in one sentence: the newest known fact that names it (and is not an action). */
export function causeSummary(known: readonly KnownFact[], language: Language): string | null {
  const facts = inLanguage(known, language).filter((fact) => causeTest[language].test(fact.text) && !actionTest[language].test(fact.text));
  const newest = facts.at(-1);
  return newest ? asSentence(newest.text) : null;
}

/** Doctrine §8: an apology that owns the trouble, sincere, without self-flagellation or blame. */
export function apology(language: Language): string {
  return language === 'fr'
    ? 'Nous vous présentons nos excuses pour la gêne occasionnée, dont nous assumons la responsabilité.'
    : 'We apologise for the disruption this caused you, and we take responsibility for it.';
}
