import { closingContentRule } from './closing-internal.ts';

export const closingCauseMissing = closingContentRule({
  id: 'closing-cause-missing',
  summary: {
    fr: 'Le message de clôture résume la cause, en une phrase simple (ou dit qu\'elle reste à établir).',
    en: 'The closing message sums up the cause in one plain sentence (or says it is still being established).',
  },
  present: {
    fr: [
      String.raw`causes?|origines?|dûe?s? à|due à|provoquée?s? par|causée?s? par|déclenchée?s? par|liée?s? à|résult(?:e|ait|ant) d|s'explique par|à l'origine`,
      String.raw`(?:panne|défaillance|erreur|bug|défaut|mise à jour) (?:logicielle?|matérielle?|de configuration|électrique|humaine|d'un|d'une)`,
      String.raw`(?:a|ont|avait|avaient) (?:saturé|provoqué|entraîné|causé|déclenché|bloqué|interrompu|coupé|surchargé)|venait d`,
    ],
    en: [
      String.raw`causes?|caused by|due to|triggered by|resulted from|result of|stemm(?:ed|ing) from|root cause|because|came from|(?:software|hardware|configuration|power) (?:failure|fault|error|bug|change)`,
      String.raw`(?:led to|triggered|brought down|took down|saturated|overloaded|exhausted)`,
    ],
  },
  message: {
    fr: 'La clôture ne dit pas la cause : résumez-la en une phrase simple, ou dites qu\'elle reste à établir et quand vous la publierez.',
    en: 'The closing does not give the cause: sum it up in one plain sentence, or say it is still being established and when you will publish it.',
  },
  examples: {
    fr: {
      bad: ['Le paiement fonctionne normalement depuis 17 h 20. Nous vous présentons nos excuses pour la gêne occasionnée.[[]]'],
      good: ['Le paiement fonctionne normalement depuis 17 h 20. La coupure était due à une erreur de configuration. Nous vous présentons nos excuses.'],
    },
    en: {
      bad: ['Payments have worked normally since 5:20 pm. We apologise for the disruption this caused.[[]]'],
      good: ['Payments have worked normally since 5:20 pm. The interruption was caused by a configuration error. We apologise.'],
    },
  },
});
