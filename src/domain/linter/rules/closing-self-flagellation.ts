import { dataRule, inStages } from './internal.ts';

export const closingSelfFlagellation = dataRule({
  id: 'closing-self-flagellation',
  category: 'closing',
  severity: 'warning',
  doctrine: '§8 — after the crisis: no excessive self-criticism',
  summary: {
    fr: 'Autocritique excessive dans la clôture (« impardonnable », « nous avons honte ») : assumez et excusez-vous, sans vous flageller ; dites ce qui change.',
    en: 'Excessive self-criticism in the closing ("unforgivable", "we are ashamed"): own it and apologise without self-flagellation; say what changes.',
  },
  appliesTo: inStages('closing', 'resolved', 'compensation'),
  exampleContext: { stage: 'closing' },
  packs: {
    fr: {
      patterns: [
        String.raw`(?:nous sommes|c'est|c'était) (?:totalement |absolument )?(?:impardonnables?|inexcusables?|lamentables?|indignes?|honteux)`,
        String.raw`(?:une )?(?:faute|erreur) (?:impardonnable|inexcusable|grossière)|(?:notre|cette) (?:incompétence|amateurisme)`,
        String.raw`nous avons (?:honte|lamentablement échoué|totalement échoué|complètement échoué|tout raté)`,
        String.raw`nous (?:avons )?(?:failli à tous nos engagements|trahi votre confiance)|nous ne méritons pas (?:votre confiance|d'être)`,
        String.raw`un (?:échec|fiasco) (?:total|complet|cuisant)`,
      ],
      message: '« {hit} » peut se lire comme une autocritique excessive : assumez et excusez-vous, sans vous flageller, puis dites ce qui change.',
      examples: {
        bad: ['Cette coupure est due à [[une faute impardonnable]].', '[[Nous avons honte]] de ces deux heures sans paiement.'],
        good: ['Nous vous présentons nos excuses pour ces deux heures sans paiement ; voici ce qui change.', 'Nous assumons cette erreur de configuration.'],
      },
    },
    en: {
      patterns: [
        String.raw`(?:this is|this was|that was|it was|we are|we were) (?:utterly |simply |completely )?(?:inexcusable|unforgivable|shameful|pathetic)`,
        String.raw`we (?:are|feel) (?:deeply |truly )?ashamed|(?:our|sheer) incompetence|amateurish`,
        String.raw`we (?:utterly|completely|totally) failed|we failed you (?:completely|in every way)|we (?:do not|don't) deserve your trust`,
        String.raw`(?:a |an )?(?:total|complete|utter) (?:failure|fiasco) on our part`,
      ],
      message: '"{hit}" may read as excessive self-criticism: own it and apologise without self-flagellation, then say what changes.',
      examples: {
        bad: ['[[This was unforgivable]] and we are sorry.', '[[We are deeply ashamed]] of these two hours without payments.'],
        good: ['We apologise for these two hours without payments; here is what changes.', 'We own this configuration error.'],
      },
    },
  },
});
