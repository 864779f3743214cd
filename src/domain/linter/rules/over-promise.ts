import { NEG_GAP } from '../text/lexicon.ts';
import { dataRule } from './internal.ts';

export const overPromise = dataRule({
  id: 'over-promise',
  category: 'promises',
  severity: 'warning',
  doctrine: '§2 — no promise that may not hold; §6 — no over-promise on security',
  summary: {
    fr: 'Promesses que personne ne peut tenir (« cela ne se reproduira plus », « vos données sont totalement sécurisées ») : dites ce qui a été fait.',
    en: 'Promises nobody can keep ("this will never happen again", "your data is completely secure"): say what was done.',
  },
  packs: {
    fr: {
      patterns: [
        String.raw`(?:cela|ceci|ça|cet incident|une telle (?:panne|situation)|ce type d'incident|cette panne) ne se (?:reproduira|produira) (?:plus|jamais)(?: jamais)?`,
        String.raw`plus jamais`,
        String.raw`(?:totalement|entièrement|complètement|parfaitement|absolument|100 ?%) (?:sécurisée?s?|sûre?s?|protégée?s?|fiables?|inviolables?|infaillibles?)`,
        String.raw`aucun risque|risque zéro|zéro risque|inviolables?`,
        String.raw`(?:nous )?(?:vous )?garantissons|garantie?s? à 100 ?%`,
        String.raw`(?:vos données|votre compte|vos comptes) ne (?:risquent|risque|craignent|craint) (?:plus )?rien`,
      ],
      antipatterns: [
        String.raw`(?:ne |n')(?:[\p{L}'-]+ ){0,2}?(?:pas|jamais) (?:garantir|promettre|affirmer|certifier)${NEG_GAP}{hit}`,
        String.raw`{hit} n'existe pas`,
      ],
      message: '« {hit} » est une promesse que personne ne peut tenir : dites ce qui a été fait et ce qui reste surveillé.',
      examples: {
        bad: ['Soyez rassurés : [[cela ne se reproduira plus]].', 'Vos données sont désormais [[totalement sécurisées]].'],
        good: [
          'Nous avons ajouté une seconde alimentation électrique et testons la bascule chaque mois.',
          { text: 'Nous ne pouvons pas promettre que cela ne se reproduira plus, mais nous avons doublé les alimentations.', guards: 0 },
          { text: 'Le risque zéro n\'existe pas : nous avons donc doublé les alimentations.', guards: 1 },
        ],
      },
    },
    en: {
      patterns: [
        String.raw`(?:this|it|that|such an? (?:outage|incident)) will never (?:happen|occur) again`,
        String.raw`never (?:happen|occur) again|never again`,
        String.raw`(?:completely|fully|totally|perfectly|absolutely|entirely|100 ?%) (?:secure|safe|protected|reliable|bulletproof|unhackable|infallible)`,
        String.raw`zero risk|no risk whatsoever|bulletproof|unhackable|unbreakable`,
        String.raw`we (?:can )?guarantee|guaranteed|rest assured`,
      ],
      antipatterns: [
        String.raw`(?:cannot|can't|can not|won't|will not|do not|don't|never) (?:guarantee|promise|claim|say)${NEG_GAP}{hit}`,
        String.raw`{hit} (?:does not|doesn't) exist`,
      ],
      message: '"{hit}" is a promise nobody can keep: say what was done and what stays under watch.',
      examples: {
        bad: ['Rest easy: [[this will never happen again]].', 'Your data is now [[completely secure]].'],
        good: [
          'We added a second power supply and test the failover every month.',
          { text: 'We cannot promise that this will never happen again, but we have doubled the power supplies.', guards: 0 },
          { text: 'Zero risk does not exist, so we have doubled the power supplies.', guards: 1 },
        ],
      },
    },
  },
});
