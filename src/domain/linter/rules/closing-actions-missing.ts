import { closingContentRule } from './closing-internal.ts';

export const closingActionsMissing = closingContentRule({
  id: 'closing-actions-missing',
  summary: {
    fr: 'Le message de clôture dit les actions correctives engagées et les prochaines étapes.',
    en: 'The closing message states the corrective actions taken and the next steps.',
  },
  present: {
    fr: [
      String.raw`pour (?:éviter|empêcher|prévenir|que cela)|afin d'(?:éviter|empêcher)|afin que|désormais|dorénavant|à l'avenir|(?:actions|mesures) correctives|prochaines étapes`,
      String.raw`nous (?:avons|allons) (?:ajouté|ajouter|renforcé|renforcer|mis en place|mettre en place|modifié|modifier|doublé|doubler|revu|revoir|changé|changer|automatisé|automatiser|remplacé|remplacer|corrigé|corriger)`,
    ],
    en: [
      String.raw`to (?:prevent|avoid|stop) (?:this|it|a repeat|recurrence|such)|going forward|from now on|in (?:the )?future|corrective actions?|next steps|so that (?:this|it)`,
      String.raw`(?:we have|we've|we will|we'll|we are) (?:added|adding|add|fixed|fixing|fix|corrected|correcting|correct|strengthened|strengthening|strengthen|introduced|introducing|introduce|changed|changing|change|doubled|doubling|double|reviewed|reviewing|review|automated|automating|automate|replaced|replacing|replace|put in place)`,
    ],
  },
  message: {
    fr: 'La clôture ne dit pas ce qui change : indiquez les actions correctives engagées et les prochaines étapes.',
    en: 'The closing does not say what changes: state the corrective actions taken and the next steps.',
  },
  examples: {
    fr: {
      bad: ['Le paiement fonctionne normalement depuis 17 h 20. La coupure était due à une erreur de configuration. Nous vous présentons nos excuses.[[]]'],
      good: ['La coupure était due à une erreur de configuration. Nous avons ajouté un contrôle automatique avant chaque mise à jour. Nous vous présentons nos excuses.'],
    },
    en: {
      bad: ['Payments have worked normally since 5:20 pm. The interruption was caused by a configuration error. We apologise.[[]]'],
      good: ['The interruption was caused by a configuration error. We have added an automatic check before every update. We apologise.'],
    },
  },
});
