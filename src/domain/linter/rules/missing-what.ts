import { compileTest } from '../text/patterns.ts';
import { absence, codeRule, inStages, say } from './internal.ts';

// Symptoms: what a reader can recognise as "the trouble". Any one of them says what is happening.
const SYMPTOM = {
  fr: compileTest([
    String.raw`indisponibles?|inaccessibles?|hors (?:service|ligne|d'usage)|en panne|pannes?|incidents?|dysfonctionnements?|perturbée?s?|perturbations?`,
    String.raw`(?:ne |n')(?:[\p{L}'-]+ )?(?:fonctionnent|fonctionne|marchent|marche|répondent|répond|s'affichent|s'affiche|aboutissent|aboutit|passent|passe|pouvez|peuvent|peut|pouvons|sont|est) ?(?:plus|pas)`,
    String.raw`(?:fonctionnent|fonctionne) (?:mal|partiellement|par intermittence)|lenteurs?|ralentie?s?|ralentissements?|difficultés|erreurs?|échecs?|échou(?:e|ent)`,
    String.raw`interrompue?s?|interruptions?|coupures?|coupée?s?|impossibles? de|dégradée?s?|refusée?s?|bloquée?s?|retards?|retardée?s?`,
    String.raw`bugs?|bogues?|problèmes?|soucis?|pannes?|empêchée?s?|empêche(?:nt)?|(?:cyber)?attaques?|fuite de données|violation de données|accès non autorisé|touchée?s? par|rumeur|information erronée`,
  ]),
  en: compileTest([
    String.raw`unavailable|inaccessible|down|offline|outages?|incidents?|disrupt(?:ed|ions?)|degraded|interrupt(?:ed|ions?)`,
    String.raw`not (?:working|loading|responding|available|accessible|going through)|(?:isn't|aren't|won't|can't|cannot|couldn't|unable to)`,
    String.raw`slow(?:er|ness|downs?)?|errors?|fail(?:s|ed|ing|ures?)?|delay(?:s|ed)?|declined|timing out|time-?outs?`,
    String.raw`(?:difficult(?:y|ies)|trouble|problems?|issues?) (?:with|when|accessing|logging|signing|connecting|paying|making|placing|sending|receiving)`,
    String.raw`bugs?|glitch(?:es)?|problems?|issues?|prevent(?:s|ing|ed)?|affected|impacted|breach|(?:cyber-?)?attack|unauthori[sz]ed access|rumou?rs?|false (?:report|information)`,
  ]),
};

export const missingWhat = codeRule({
  id: 'missing-what',
  category: 'structure',
  severity: 'warning',
  doctrine: '§2 — first message: what is happening',
  summary: {
    fr: 'Le premier message dit ce qui se passe, dans les mots du public : ce qui ne fonctionne pas.',
    en: 'The first message says what is happening, in the audience\'s words: what does not work.',
  },
  appliesTo: inStages('first'),
  exampleContext: { stage: 'first' },
  check: (ctx) =>
    SYMPTOM[ctx.language].test(ctx.text.norm)
      ? []
      : [
          absence(
            ctx.text,
            say(ctx, {
              fr: 'Le message ne semble pas dire ce qui se passe : décrivez ce qui ne fonctionne pas, dans les mots du public.',
              en: 'The message does not seem to say what is happening: describe what does not work, in the audience\'s words.',
            }),
          ),
        ],
  examples: {
    fr: {
      bad: ['Nos équipes sont mobilisées pour tous nos clients. Prochain point à 16 h 30.[[]]'],
      good: ['Depuis 15 h 10, le paiement par carte est indisponible pour tous nos clients. Nos équipes sont mobilisées. Prochain point à 16 h 30.'],
    },
    en: {
      bad: ['Our teams are fully engaged for all our customers. Next update at 4:30 pm.[[]]'],
      good: ['Since 3:10 pm, card payments have been unavailable for all our customers. Our teams are on it. Next update at 4:30 pm.'],
    },
  },
});
