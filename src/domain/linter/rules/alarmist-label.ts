import { NEG_EN, NEG_FR, NEG_GAP } from '../text/lexicon.ts';
import { dataRule } from './internal.ts';

/** Dramatising labels, shared with minimizing-label, which reads their negation ("pas une panne majeure"). */
export const ALARMIST_FR = String.raw`(?:pannes?|incidents?) (?:majeure?s?|géantes?|généralisée?s?|massive?s?|gigantesques?|totale?s?|catastrophiques?|critiques?|gravissimes?|sans précédent)|catastrophes?|chaos|chaotique|black-?out (?:total|général|géant)|paralysie (?:totale|complète|générale)|désastre|apocalypse|situation (?:critique|dramatique|catastrophique|explosive)|effondrement (?:total|complet)|cyber-?catastrophe`;
export const ALARMIST_EN = String.raw`(?:major|massive|huge|critical|catastrophic|total|complete|unprecedented|widespread) (?:outages?|incidents?|failures?|breakdowns?)|catastroph(?:e|ic)|chaos|chaotic|meltdowns?|(?:total|complete) (?:blackout|collapse)|disasters?|disastrous|nightmare|crippling|mayhem|apocalyptic|doomsday`;

export const alarmistLabel = dataRule({
  id: 'alarmist-label',
  category: 'words',
  severity: 'warning',
  doctrine: '§2 — tone: no alarmist labels',
  summary: {
    fr: 'Étiquettes qui dramatisent sans informer (« panne majeure », « incident critique ») : décrivez ce qui ne fonctionne pas, et pour qui.',
    en: 'Labels that dramatise without informing ("major outage", "critical incident"): describe what does not work, and for whom.',
  },
  packs: {
    fr: {
      patterns: [
        { pattern: String.raw`(pannes?|incidents?) (?:majeure?s?|géantes?|généralisée?s?|massive?s?|gigantesques?|totale?s?|catastrophiques?|critiques?|gravissimes?|sans précédent)`, suggestion: '$1' },
        String.raw`catastrophes?|chaos|chaotique|désastre|apocalypse|cyber-?catastrophe`,
        String.raw`black-?out (?:total|général|géant)|paralysie (?:totale|complète|générale)|effondrement (?:total|complet)`,
        String.raw`situation (?:critique|dramatique|catastrophique|explosive)`,
      ],
      antipatterns: [`${NEG_FR}${NEG_GAP}{hit}`],
      message: '« {hit} » dramatise sans informer : écrivez « {suggestion} » et dites ce qui ne fonctionne pas, et pour qui.',
      messageWithoutSuggestion: '« {hit} » dramatise sans informer : dites plutôt ce qui ne fonctionne pas, et pour qui.',
      examples: {
        bad: ['Nous subissons une [[panne majeure]] depuis 15 h 10.', 'Les clients font face au [[chaos]] sur le paiement en ligne.'],
        good: [
          'Le paiement par carte est indisponible depuis 15 h 10 pour une partie de nos clients.',
          { text: "Ce n'est pas une panne majeure : seuls les exports sont plus lents.", guards: 0 },
          { text: 'Un article parle de « panne géante » ; en réalité, seul le paiement en ligne a été interrompu 20 minutes.', guards: 'quoted' },
          "Nous dépannons les terminaux l'un après l'autre.",
        ],
      },
    },
    en: {
      patterns: [
        { pattern: String.raw`(?:major|massive|huge|critical|catastrophic|total|complete|unprecedented|widespread) (outages?|incidents?|failures?|breakdowns?)`, suggestion: '$1' },
        String.raw`catastroph(?:e|ic)|chaos|chaotic|meltdowns?|disasters?|disastrous|nightmare|crippling|mayhem|apocalyptic|doomsday`,
        String.raw`(?:total|complete) (?:blackout|collapse)`,
      ],
      antipatterns: [`${NEG_EN}${NEG_GAP}{hit}`],
      message: '"{hit}" dramatises without informing: write "{suggestion}" and say what does not work, and for whom.',
      messageWithoutSuggestion: '"{hit}" dramatises without informing: say instead what does not work, and for whom.',
      examples: {
        bad: ['We are dealing with a [[major outage]] since 3:10 pm.', 'Checkout is in [[chaos]] this afternoon.'],
        good: [
          'Card payments have been unavailable since 3:10 pm for some of our customers.',
          { text: 'This is not a major outage: only exports are slower.', guards: 0 },
          { text: 'A post calls it a "total meltdown"; in fact, online payments stopped for 20 minutes.', guards: 'quoted' },
        ],
      },
    },
  },
});
