import type { LintFacts } from '../types.ts';
import { NEG_GAP } from '../text/lexicon.ts';
import { dataRule } from './internal.ts';

const openIncident: LintFacts = { incidentOpen: true, personalDataBreach: false, figures: {}, affectedComponents: ['Réseau mobile'], unconfirmed: [], keyMessages: [] };

export const promoDuringIncident = dataRule({
  id: 'promo-during-incident',
  category: 'channel',
  severity: 'error',
  doctrine: '§5 — no promotional content during an incident (Orange, 6 July 2012)',
  summary: {
    fr: 'Contenu promotionnel pendant un incident ouvert (le jeu-concours d\'Orange sur Facebook) : il se lit comme de l\'indifférence. Reportez-le.',
    en: 'Promotional content while an incident is open (Orange\'s Facebook contest): it reads as indifference. Postpone it.',
  },
  appliesTo: (ctx) => ctx.facts?.incidentOpen === true && ctx.stage !== 'compensation',
  firstHitOnly: true,
  exampleContext: { stage: 'update', channel: 'social', network: 'facebook', facts: openIncident },
  packs: {
    fr: {
      patterns: [
        String.raw`jeux?-concours|concours|tirage au sort|(?:à gagner|tentez votre chance)`,
        String.raw`félicitations (?:aux|à nos|à notre) (?:grands? )?gagnante?s?|(?:les |nos )?gagnante?s? (?:du|de notre|de nos|sont)`,
        String.raw`codes? promo(?:tionnels?)?|offres? (?:spéciales?|exclusives?|promotionnelles?|flash)|promotions?|soldes|bons? de réduction|-? ?\d+ ?% de réduction`,
        String.raw`(?:profitez|découvrez) (?:de )?(?:notre|nos) (?:nouvelle?s?|nouveaux?|dernière?s?)|black friday|vente privée`,
      ],
      antipatterns: [
        String.raw`(?:report(?:é|ée|és|ées|ons|er)|suspend(?:u|ue|us|ues|ons|re)|annul(?:é|ée|és|ées|ons|er))${NEG_GAP}{hit}`,
        String.raw`{hit}${NEG_GAP}(?:est |sont )?(?:reporté|suspendu|annulé)e?s?`,
      ],
      message: '« {hit} » : un contenu promotionnel pendant un incident ouvert se lit comme de l\'indifférence (Orange, 6 juillet 2012). Reportez-le après la résolution.',
      examples: {
        bad: ['[[Félicitations aux gagnants]] de notre jeu-concours de l\'été ! 🎉', 'Profitez de nos [[offres spéciales]] ce week-end !'],
        good: [
          'Depuis 15 h 10, les appels et SMS ne passent plus pour les clients mobiles. Nos équipes sont mobilisées ; prochain point à 19 h.',
          { text: 'Nous avons reporté le jeu-concours de l\'été : toute notre attention va à la panne en cours.', guards: 0 },
          { text: 'Le jeu-concours de l\'été est reporté : toute notre attention va à la panne en cours.', guards: 1 },
        ],
      },
    },
    en: {
      patterns: [
        String.raw`giveaways?|contests?|sweepstakes|prize draw|(?:enter|for a chance) to win`,
        String.raw`congratulations to (?:our|the|all our) (?:lucky )?winners?|(?:the |our )?winners? (?:of|are)`,
        String.raw`(?:promo(?:tional)?|discount|coupon) codes?|\d+ ?% off|special offers?|(?:flash|exclusive|limited-time) (?:sales?|deals?|offers?)|black friday`,
        String.raw`(?:check out|discover) our (?:new|latest)`,
      ],
      antipatterns: [
        String.raw`(?:postpon|suspend|cancel|paus)\p{L}*${NEG_GAP}{hit}`,
        String.raw`{hit}${NEG_GAP}(?:is |has been |have been )?(?:postponed|suspended|cancell?ed|paused)`,
      ],
      message: '"{hit}": promotional content while an incident is open reads as indifference (Orange, 6 July 2012). Postpone it until the incident is resolved.',
      examples: {
        bad: ['[[Congratulations to the winners]] of our summer giveaway! 🎉', 'Grab our [[special offers]] this weekend!'],
        good: [
          'Since 3:10 pm, calls and texts fail for mobile customers. Our teams are on it; next update at 7 pm.',
          { text: 'We have postponed the summer giveaway: all our attention is on the ongoing outage.', guards: 0 },
          { text: 'The summer giveaway is postponed: all our attention is on the ongoing outage.', guards: 1 },
        ],
      },
    },
  },
});
