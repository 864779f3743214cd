import { NEG_EN, NEG_FR, NEG_GAP } from '../text/lexicon.ts';
import { ALARMIST_EN, ALARMIST_FR } from './alarmist-label.ts';
import { dataRule } from './internal.ts';

export const minimizingLabel = dataRule({
  id: 'minimizing-label',
  category: 'words',
  severity: 'warning',
  doctrine: '§2 — tone: no minimizing labels',
  summary: {
    fr: 'Étiquettes qui minimisent (« petit bug », « léger désagrément », « ce n\'est pas une panne majeure ») : les clients touchés ne le vivent pas ainsi.',
    en: 'Labels that play the trouble down ("small bug", "slight inconvenience", "not a major outage"): affected customers do not live it that way.',
  },
  packs: {
    fr: {
      patterns: [
        { pattern: String.raw`petite?s? (bugs?|bogues?|soucis?|problèmes?|pannes?|incidents?|perturbations?|dysfonctionnements?|couacs?|contretemps)`, suggestion: '$1' },
        { pattern: String.raw`(?:léger|légère)s? (perturbations?|gênes?|désagréments?|ralentissements?|soucis?|dysfonctionnements?)`, suggestion: '$1' },
        { pattern: String.raw`simple (incident|bug|souci|problème|contretemps)`, suggestion: '$1' },
        { pattern: String.raw`(incidents?|pannes?|problèmes?|dysfonctionnements?) (?:mineurs?|mineures?|anecdotiques?|insignifiante?s?|négligeables?)`, suggestion: '$1' },
        String.raw`rien de (?:grave|sérieux|bien méchant|dramatique)|sans gravité|pas de quoi s'inquiéter|aucune inquiétude à avoir|pas si grave`,
        `${NEG_FR}${NEG_GAP}(?:${ALARMIST_FR})`,
      ],
      antipatterns: [`${NEG_FR}${NEG_GAP}{hit}`],
      message: '« {hit} » minimise ce que vivent les clients touchés : écrivez « {suggestion} » et décrivez l\'effet concret.',
      messageWithoutSuggestion: '« {hit} » minimise ce que vivent les clients touchés : décrivez l\'effet concret, sans le juger.',
      examples: {
        bad: [
          'Un [[petit bug]] empêche la connexion à l\'application.',
          "Ce [[n'est pas une panne majeure]] : seuls les virements sont retardés.",
          'Il ne s\'agit de [[rien de grave]].',
        ],
        good: [
          'Une erreur empêche la connexion à l\'application depuis 9 h 40.',
          { text: "Ce n'était pas un petit bug : 40 000 clients n'ont pas pu payer pendant deux heures.", guards: 0 },
          { text: 'Vous nous écrivez que ce « petit bug » vous a coûté une journée : vous avez raison.', guards: 'quoted' },
        ],
      },
    },
    en: {
      patterns: [
        { pattern: String.raw`(?:small|minor|little|tiny|slight) (bugs?|glitch(?:es)?|issues?|problems?|hiccups?|blips?|hitch(?:es)?|incidents?|outages?|disruptions?|inconveniences?)`, suggestion: '$1' },
        { pattern: String.raw`(?:a |the )?(?:brief |momentary |temporary )?(?:hiccup|blip)s?`, severity: 'info' },
        String.raw`nothing (?:serious|major|to worry about|to be concerned about)|no big deal|negligible|insignificant`,
        `${NEG_EN}${NEG_GAP}(?:${ALARMIST_EN})`,
      ],
      antipatterns: [`${NEG_EN}${NEG_GAP}{hit}`],
      message: '"{hit}" plays down what affected customers go through: write "{suggestion}" and describe the concrete effect.',
      messageWithoutSuggestion: '"{hit}" plays down what affected customers go through: describe the concrete effect without judging it.',
      examples: {
        bad: ['A [[small bug]] prevents sign-in to the app.', "This is [[not a major outage]]: only transfers are delayed.", 'It is [[nothing serious]].'],
        good: [
          'An error has prevented sign-in to the app since 9:40 am.',
          { text: 'This was not a small bug: 40,000 customers could not pay for two hours.', guards: 0 },
          { text: 'You told us this "small bug" cost you a day of work: you are right.', guards: 'quoted' },
        ],
      },
    },
  },
});
