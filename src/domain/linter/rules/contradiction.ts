import type { FieldText, LintContext } from '../context.ts';
import type { LintFacts, LintLanguage } from '../types.ts';
import type { Hit } from '../rule.ts';
import { normalize } from '../text/normalize.ts';
import { allMatches, compileAlternatives, type Match } from '../text/patterns.ts';
import { compareCount, distanceTo, formatCount, formatTime, minutesOfDay, statedCounts, statedStartTimes, timeTolerance, type StatedTime } from '../text/quantities.ts';
import { overlapsAny } from '../text/spans.ts';
import { codeRule, hitAt, quote, say } from './internal.ts';

const SUBJECT = {
  fr: String.raw`(?:le service|les services|tous (?:les|nos) services|l'ensemble (?:des|de nos) services|tout|la situation|l'incident|la panne|le problème|l'accès|le réseau|le site|l'application)`,
  en: String.raw`(?:the service|services|all (?:of )?(?:our |the )?services|everything|the situation|the incident|the outage|the issue|the problem|access|the network|the site|the website|the app|service)`,
};
const CLAIMS = {
  resolved: {
    fr: compileAlternatives([
      String.raw`${SUBJECT.fr} (?:est|sont|a été|ont été) (?:désormais |maintenant |à nouveau |de nouveau |bien |enfin |totalement |entièrement |complètement |pleinement )*(?:rétablie?s?|résolue?s?|réparée?s?|revenue?s? à la normale|clos|close|terminée?)`,
      String.raw`(?:tout )?(?:est )?(?:rentré|revenu) dans l'ordre|retour à la normale (?:est )?(?:effectif|constaté|confirmé)|(?:tout|tous nos services) (?:fonctionne|fonctionnent) (?:à nouveau|de nouveau|normalement)`,
    ]),
    en: compileAlternatives([
      String.raw`${SUBJECT.en} (?:is|are|has been|have been) (?:now |fully |completely |finally |again )*(?:restored|resolved|fixed|back to normal|back up|back online|over|closed)`,
      String.raw`everything is (?:working|back)(?: again| to normal)?`,
    ]),
  },
  ongoing: {
    fr: compileAlternatives([
      String.raw`${SUBJECT.fr} (?:est|sont|reste|restent) (?:toujours |encore )?(?:indisponibles?|inaccessibles?|en panne|perturbée?s?|hors service|interrompue?s?)`,
      String.raw`(?:nous|nos équipes) (?:enquêtons|cherchons|enquêtent|cherchent) (?:toujours|encore)|(?:l'incident|la panne) (?:est )?(?:toujours|encore) en cours`,
    ]),
    en: compileAlternatives([
      String.raw`${SUBJECT.en} (?:is|are|remains?) (?:still )?(?:down|unavailable|inaccessible|degraded|offline|disrupted|interrupted)`,
      String.raw`(?:we are|we're|our teams are) still investigating|the (?:incident|outage) is (?:still )?ongoing`,
    ]),
  },
  causeFound: {
    fr: compileAlternatives([
      String.raw`nous avons (?:identifié|trouvé|déterminé|compris) (?:la |l')(?:cause|origine)|(?:la cause|l'origine) (?:de (?:la panne|l'incident) )?(?:est|a été) (?:identifiée|trouvée|connue|établie)`,
    ]),
    en: compileAlternatives([String.raw`we(?: have|'ve) (?:identified|found|determined|pinpointed) the (?:root )?cause|(?:the )?(?:root )?cause (?:has been|is|was) (?:identified|found|determined|known)`]),
  },
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const componentClaims = new Map<string, RegExp>();

/** "<component> fonctionne normalement" / "<component> is not affected", for the sheet's affected components. */
function unaffectedClaim(components: string[], language: LintLanguage): RegExp | null {
  const names = components.map((c) => escape(normalize(c.trim()).norm)).filter((c) => c !== '');
  if (names.length === 0) return null;
  const key = `${language}\u0000${names.join('\u0000')}`;
  let re = componentClaims.get(key);
  if (!re) {
    const name = `(?:${names.join('|')})`;
    re =
      language === 'fr'
        ? compileAlternatives([
            String.raw`${name} (?:fonctionne(?:nt)? (?:normalement|correctement)|n'(?:est|a) pas (?:été )?(?:concernée?s?|affectée?s?|touchée?s?|impactée?s?)|(?:est|sont|reste|restent) (?:pleinement )?(?:opérationnel(?:le)?s?|disponibles?|accessibles?))`,
          ])
        : compileAlternatives([String.raw`${name} (?:is|are|remains?) (?:fully )?(?:not affected|unaffected|working normally|operating normally|operational|available|accessible)|${name} works? normally`]);
    if (componentClaims.size > 256) componentClaims.clear();
    componentClaims.set(key, re);
  }
  return re;
}

interface Claims {
  times: StatedTime[];
  counts: ReturnType<typeof statedCounts>;
  resolved: Match[];
  ongoing: Match[];
}

function claimsOf(norm: string, language: LintLanguage, skip: (m: { start: number; end: number }) => boolean): Claims {
  return {
    times: statedStartTimes(norm, language).filter((t) => !skip(t)),
    counts: statedCounts(norm, language).filter((c) => !skip(c)),
    resolved: allMatches(CLAIMS.resolved[language], norm).filter((m) => !skip(m)),
    ongoing: allMatches(CLAIMS.ongoing[language], norm).filter((m) => !skip(m)),
  };
}

function againstSheet(ctx: LintContext, field: FieldText, facts: LintFacts, claims: Claims): Hit[] {
  const hits: Hit[] = [];
  for (const count of claims.counts) {
    const sheet = count.kind === 'people' ? facts.figures.affectedPeople : facts.figures.records;
    if (sheet === undefined) continue;
    const verdict = compareCount(count, sheet);
    // A lower figure in a breach is breach-minimized's finding.
    if (verdict === 'ok' || (verdict === 'lower' && facts.personalDataBreach)) continue;
    const figure = formatCount(sheet, ctx.language);
    hits.push(
      hitAt(
        field,
        count.start,
        count.end,
        say(ctx, {
          fr: `« ${quote(field, count.start, count.end)} » ne correspond pas au chiffre confirmé de la fiche (${figure}).`,
          en: `"${quote(field, count.start, count.end)}" does not match the confirmed figure on the fact sheet (${figure}).`,
        }),
        figure,
      ),
    );
  }
  if (facts.startedAt) {
    for (const time of claims.times) {
      const sheet = minutesOfDay(facts.startedAt, time.utc ? 'UTC' : (facts.timeZone ?? 'UTC'));
      if (sheet === null || distanceTo(time, sheet) <= timeTolerance(time.precision)) continue;
      const written = formatTime(sheet, time.style);
      hits.push(
        hitAt(
          field,
          time.start,
          time.end,
          say(ctx, {
            fr: `La fiche situe le début de l'incident à ${written} ; le message dit ${quote(field, time.start, time.end)}.`,
            en: `The fact sheet puts the start of the incident at ${written}; the message says ${quote(field, time.start, time.end)}.`,
          }),
          written,
        ),
      );
    }
  }
  const status = facts.status;
  const flag = (matches: Match[], message: Record<LintLanguage, string>) => {
    for (const m of matches) hits.push(hitAt(field, m.start, m.end, say(ctx, message)));
  };
  if (status === 'investigating' || status === 'identified') {
    flag(claims.resolved, {
      fr: `Le message dit le problème réglé alors que la fiche indique « ${status === 'investigating' ? 'en analyse' : 'cause identifiée'} » : alignez la fiche ou le message.`,
      en: `The message says the trouble is over while the fact sheet says "${status}": align the sheet or the message.`,
    });
  }
  if (status === 'resolved') {
    flag(claims.ongoing, {
      fr: 'Le message dit le problème toujours en cours alors que la fiche l\'indique résolu : alignez la fiche ou le message.',
      en: 'The message says the trouble is ongoing while the fact sheet says "resolved": align the sheet or the message.',
    });
  }
  if (status === 'investigating') {
    flag(allMatches(CLAIMS.causeFound[ctx.language], field.norm), {
      fr: 'Le message dit la cause identifiée alors que la fiche indique « en analyse » : alignez la fiche ou le message.',
      en: 'The message says the cause is identified while the fact sheet says "investigating": align the sheet or the message.',
    });
  }
  if (status !== 'resolved' && status !== 'monitoring') {
    const re = unaffectedClaim(facts.affectedComponents, ctx.language);
    if (re) {
      flag(allMatches(re, field.norm), {
        fr: 'Le message dit ce composant non touché, alors que la fiche le compte parmi les composants affectés.',
        en: 'The message says this component is not affected, while the fact sheet lists it as affected.',
      });
    }
  }
  return hits;
}

function againstSiblings(ctx: LintContext, field: FieldText, facts: LintFacts | undefined, claims: Claims): Hit[] {
  const hits: Hit[] = [];
  for (const sibling of ctx.siblings) {
    if (sibling.text === field.original || (sibling.language !== 'fr' && sibling.language !== 'en')) continue;
    const other = claimsOf(normalize(sibling.text).norm, sibling.language, () => false);
    const where = `${sibling.audience} · ${sibling.channel}`;
    if (!facts?.startedAt) {
      for (const time of claims.times) {
        const clash = other.times.find(
          (t) => t.utc === time.utc && Math.min(distanceTo(t, time.minutes), distanceTo(time, t.minutes)) > Math.max(timeTolerance(t.precision), timeTolerance(time.precision)),
        );
        if (!clash) continue;
        hits.push(
          hitAt(
            field,
            time.start,
            time.end,
            say(ctx, {
              fr: `Une autre variante (${where}) situe le début à ${formatTime(clash.minutes, time.style)} : les messages doivent dire la même heure.`,
              en: `Another variant (${where}) puts the start at ${formatTime(clash.minutes, time.style)}: the messages must give the same time.`,
            }),
          ),
        );
      }
    }
    for (const count of claims.counts) {
      const sheet = count.kind === 'people' ? facts?.figures.affectedPeople : facts?.figures.records;
      if (sheet !== undefined) continue;
      const clash = other.counts.find((c) => c.kind === count.kind && compareCount(count, c.value) !== 'ok' && compareCount(c, count.value) !== 'ok');
      if (!clash) continue;
      hits.push(
        hitAt(
          field,
          count.start,
          count.end,
          say(ctx, {
            fr: `Une autre variante (${where}) donne ${formatCount(clash.value, ctx.language)} : les messages doivent donner le même chiffre.`,
            en: `Another variant (${where}) gives ${formatCount(clash.value, ctx.language)}: the messages must give the same figure.`,
          }),
        ),
      );
    }
    if (!facts?.status) {
      const [mine, theirs] = claims.resolved.length > 0 && other.ongoing.length > 0 ? [claims.resolved, 'ongoing'] : claims.ongoing.length > 0 && other.resolved.length > 0 ? [claims.ongoing, 'resolved'] : [[], ''];
      for (const m of mine as Match[]) {
        hits.push(
          hitAt(
            field,
            m.start,
            m.end,
            say(ctx, {
              fr: `Une autre variante (${where}) dit le problème ${theirs === 'resolved' ? 'réglé' : 'toujours en cours'} : les messages doivent dire le même état.`,
              en: `Another variant (${where}) says the trouble is ${theirs === 'resolved' ? 'over' : 'ongoing'}: the messages must give the same status.`,
            }),
          ),
        );
      }
    }
  }
  return hits;
}

const sheet: LintFacts = {
  incidentOpen: true,
  personalDataBreach: false,
  figures: { affectedPeople: 40000 },
  startedAt: '2026-03-10T14:10:00Z',
  status: 'identified',
  affectedComponents: ['Paiement par carte', 'Card payments'],
  unconfirmed: [],
  keyMessages: [],
  timeZone: 'Europe/Paris',
};
const noSheet: LintFacts = { incidentOpen: true, personalDataBreach: false, figures: {}, affectedComponents: [], unconfirmed: [], keyMessages: [] };

export const contradiction = codeRule({
  id: 'contradiction',
  category: 'consistency',
  severity: 'error',
  doctrine: '§4 — one source of truth: messages never contradict the fact sheet or each other',
  summary: {
    fr: 'Chiffres, heures, états ou composants qui contredisent la fiche ou une autre variante du même message.',
    en: 'Figures, times, statuses or components that contradict the fact sheet or another variant of the same message.',
  },
  appliesTo: (ctx) => ctx.facts !== undefined || ctx.siblings.length > 0,
  exampleContext: { stage: 'update', facts: sheet },
  check: (ctx) => {
    const field = ctx.text;
    // A rumour correction quotes the false claim it corrects: quotes are not the company's word there.
    const skip = ctx.stage === 'rumor_correction' ? (m: { start: number; end: number }) => overlapsAny(field.quoted, m.start, m.end) : () => false;
    const claims = claimsOf(field.norm, ctx.language, skip);
    return [...(ctx.facts ? againstSheet(ctx, field, ctx.facts, claims) : []), ...againstSiblings(ctx, field, ctx.facts, claims)];
  },
  examples: {
    fr: {
      bad: [
        'Depuis [[15 h 40]], le paiement par carte est indisponible.',
        'Bonne nouvelle : [[le service est rétabli]]. Prochain point à 17 h.',
        'Le paiement par carte est refusé pour [[4 000]] clients.',
        {
          text: 'Depuis [[15 h 40]], le paiement par carte est indisponible.',
          context: { facts: noSheet, siblings: [{ text: 'Since 3:10 pm, card payments have been unavailable.', language: 'en', audience: 'customers', channel: 'email' }] },
        },
      ],
      good: [
        'Depuis 15 h 10, le paiement par carte est indisponible pour 40 000 clients.',
        'Depuis 15 h environ, le paiement par carte est indisponible.',
        { text: 'Non, « 2 millions de clients » ne sont pas touchés : 40 000 le sont.', context: { stage: 'rumor_correction' } },
      ],
    },
    en: {
      bad: [
        'Card payments have been unavailable since [[3:40 pm]].',
        'Good news: [[the service is restored]]. Next update at 5 pm.',
        'Card payments are declined for [[4,000]] customers.',
        {
          text: 'Card payments have been unavailable since [[3:40 pm]].',
          context: { facts: noSheet, siblings: [{ text: 'Depuis 15 h 10, le paiement par carte est indisponible.', language: 'fr', audience: 'customers', channel: 'sms' }] },
        },
      ],
      good: [
        'Card payments have been unavailable since 3:10 pm for 40,000 customers.',
        'Card payments have been unavailable since around 3 pm.',
        { text: 'No, "2 million customers" are not affected: 40,000 are.', context: { stage: 'rumor_correction' } },
      ],
    },
  },
});
