import type { LintContext } from '../context.ts';
import { PEOPLE_EN, PEOPLE_FR } from '../text/lexicon.ts';
import { compileTest } from '../text/patterns.ts';
import { absence, codeRule, inStages, say } from './internal.ts';

// Who is affected: people, a scope, a place, or "you" facing the trouble.
const WHO = {
  fr: compileTest([
    PEOPLE_FR,
    String.raw`vous (?:ne |n')?(?:pouvez|pourriez|rencontrez|risquez|constatez|êtes|avez|recevez)`,
    String.raw`(?:votre|vos) (?:compte|comptes|carte|cartes|commande|commandes|paiements?|appels|données|accès|espace|ligne|abonnement)`,
    String.raw`partout|tout le territoire|ensemble du territoire|tout le monde|chacun d'entre vous`,
    String.raw`(?:en|dans le|dans la|dans les|sur le|sur la|pour la) (?:france|europe|belgique|suisse|région|zone|ville|île-de-france|territoire|métropole)`,
  ]),
  en: compileTest([
    PEOPLE_EN,
    String.raw`you (?:may|might|can't|cannot|can|are|will|won't|could|were)|your (?:accounts?|cards?|orders?|payments?|calls?|data|access|subscription)`,
    String.raw`everyone|everybody|nationwide|worldwide|across (?:the )?(?:country|region|europe|us|uk)`,
    String.raw`in (?:europe|france|the us|the uk|the eu|north america|asia|the region|the area)`,
  ]),
};

function namesARegion(ctx: LintContext): boolean {
  const regions = ctx.facts?.figures.regions ?? [];
  return regions.some((region) => region.trim() !== '' && ctx.text.norm.includes(region.trim().toLowerCase()));
}

export const missingImpact = codeRule({
  id: 'missing-impact',
  category: 'structure',
  severity: 'warning',
  doctrine: '§2 — first message: who is affected',
  summary: {
    fr: 'Le premier message dit qui est touché : quels clients, combien, où.',
    en: 'The first message says who is affected: which customers, how many, where.',
  },
  appliesTo: inStages('first'),
  exampleContext: { stage: 'first' },
  check: (ctx) =>
    WHO[ctx.language].test(ctx.text.norm) || namesARegion(ctx)
      ? []
      : [
          absence(
            ctx.text,
            say(ctx, {
              fr: 'Le message ne semble pas dire qui est touché : précisez quels clients (tous, une partie, une région).',
              en: 'The message does not seem to say who is affected: say which customers (all, some, a region).',
            }),
          ),
        ],
  examples: {
    fr: {
      bad: ['Depuis 15 h 10, le paiement par carte est indisponible. Nos équipes sont mobilisées. Prochain point à 16 h 30.[[]]'],
      good: [
        'Depuis 15 h 10, le paiement par carte est indisponible pour une partie de nos clients. Nos équipes sont mobilisées. Prochain point à 16 h 30.',
        'Depuis 15 h 10, vous ne pouvez plus payer par carte. Prochain point à 16 h 30.',
      ],
    },
    en: {
      bad: ['Since 3:10 pm, card payments have been unavailable. Our teams are on it. Next update at 4:30 pm.[[]]'],
      good: [
        'Since 3:10 pm, card payments have been unavailable for some of our customers. Our teams are on it. Next update at 4:30 pm.',
        'Since 3:10 pm, you cannot pay by card. Next update at 4:30 pm.',
      ],
    },
  },
});
