import type { LintContext } from '../context.ts';
import { compareCount, formatCount, statedCounts } from '../text/quantities.ts';
import { PEOPLE_EN, PEOPLE_FR, RECORDS_EN, RECORDS_FR } from '../text/lexicon.ts';
import { allMatches, spaced } from '../text/patterns.ts';
import type { Hit } from '../rule.ts';
import { overlapsAny } from '../text/spans.ts';
import { BREACH_FACTS } from './breach-internal.ts';
import { codeRule, hitAt, quote, say } from './internal.ts';

// "A small number" when the sheet says 120,000: small-count phrases, up to the word before the noun.
const PEOPLE_AFTER = {
  fr: String.raw`(?= ?(?:nos |vos |des |les |de nos )?(?:[\p{L}-]+ )?(?:${PEOPLE_FR}|${RECORDS_FR}|données)(?!\p{L}))`,
  en: String.raw`(?= ?(?:our |the |your )?(?:[\p{L}-]+ )?(?:${PEOPLE_EN}|${RECORDS_EN}|data)(?!\p{L}))`,
};
// The lookahead bounds the phrase; "d'" ends it with no word boundary to check.
const phrases = (sources: string[]) => new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${spaced(sources.join('|'))})`, 'gu');
const SMALL = {
  fr: phrases([
    String.raw`(?:un (?:petit|faible|très petit) nombre|un nombre (?:limité|restreint|réduit)|une poignée|très peu|une (?:infime|petite) partie|une minorité) (?:de|d')${PEOPLE_AFTER.fr}`,
    String.raw`quelques${PEOPLE_AFTER.fr}`,
  ]),
  en: phrases([String.raw`(?:(?:a (?:small|limited|very small|tiny) number|a handful|a (?:tiny|small) (?:fraction|subset|percentage|minority)) of|a few|very few)${PEOPLE_AFTER.en}`]),
};
const SMALL_LIMIT = 100;

/** The sheet's figure a stated count must match. */
function sheetFigure(ctx: LintContext, kind: 'people' | 'records'): number | undefined {
  const figures = ctx.facts?.figures ?? {};
  return kind === 'people' ? figures.affectedPeople : figures.records;
}

export const breachMinimized = codeRule({
  id: 'breach-minimized',
  category: 'breach',
  severity: 'error',
  doctrine: '§6 — personal data: never minimize the amount of data taken',
  summary: {
    fr: 'Un chiffre inférieur à celui de la fiche, ou « un petit nombre » quand la fiche dit 120 000 : « ne jamais minimiser la quantité de données piratées ».',
    en: 'A figure below the fact sheet\'s, or "a small number" when the sheet says 120,000: "never minimize the amount of data taken".',
  },
  appliesTo: (ctx) => ctx.facts?.personalDataBreach === true,
  exampleContext: { stage: 'breach_notice', channel: 'email', facts: BREACH_FACTS },
  check: (ctx) => {
    const field = ctx.text;
    const hits: Hit[] = [];
    for (const count of statedCounts(field.norm, ctx.language)) {
      const sheet = sheetFigure(ctx, count.kind);
      if (sheet === undefined || compareCount(count, sheet) !== 'lower') continue;
      const figure = formatCount(sheet, ctx.language);
      hits.push(
        hitAt(
          field,
          count.start,
          count.end,
          say(ctx, {
            fr: `« ${quote(field, count.start, count.end)} » est en dessous du chiffre confirmé de la fiche (${figure}) : ne minimisez jamais l'ampleur d'une violation.`,
            en: `"${quote(field, count.start, count.end)}" is below the confirmed figure on the fact sheet (${figure}): never minimize the extent of a breach.`,
          }),
          figure,
        ),
      );
    }
    const sheet = ctx.facts?.figures.affectedPeople ?? ctx.facts?.figures.records;
    if (sheet !== undefined && sheet >= SMALL_LIMIT) {
      const figure = formatCount(sheet, ctx.language);
      for (const match of allMatches(SMALL[ctx.language], field.norm)) {
        if (overlapsAny(field.quoted, match.start, match.end)) continue;
        // « les données d'un petit nombre de clients » becomes « les données de 1 800 clients », not « d'1 800 ».
        const elided = ctx.language === 'fr' ? /\b(d|qu)['’]$/i.exec(field.norm.slice(Math.max(0, match.start - 3), match.start)) : null;
        const start = elided ? match.start - elided[0].length : match.start;
        const lead = elided ? `${elided[1]!.toLowerCase() === 'd' ? 'de' : 'que'} ` : '';
        hits.push(
          hitAt(
            field,
            start,
            match.end,
            say(ctx, {
              fr: `« ${quote(field, match.start, match.end)} » minimise une violation qui touche ${figure} personnes selon la fiche : donnez le chiffre.`,
              en: `"${quote(field, match.start, match.end)}" minimizes a breach that affects ${figure} people according to the fact sheet: give the figure.`,
            }),
            `${lead}${figure}${match.text.endsWith("'") ? ' ' : ''}`,
          ),
        );
      }
    }
    return hits;
  },
  examples: {
    fr: {
      bad: ['Les adresses e-mail de [[12 000]] clients ont été exposées.', '[[Un petit nombre de]] clients sont concernés.', 'Les données [[d’un petit nombre de]] clients ont été exposées.'],
      good: ['Les adresses e-mail de 120 000 clients ont été exposées.', 'Les adresses e-mail de plus de 100 000 clients ont été exposées.'],
    },
    en: {
      bad: ['The e-mail addresses of [[12,000]] customers were exposed.', 'The e-mail addresses of [[a small number of]] customers were exposed.'],
      good: ['The e-mail addresses of 120,000 customers were exposed.', 'The e-mail addresses of about 118,000 customers were exposed.'],
    },
  },
});
