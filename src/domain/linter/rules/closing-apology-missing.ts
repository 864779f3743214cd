import { closingContentRule } from './closing-internal.ts';

export const closingApologyMissing = closingContentRule({
  id: 'closing-apology-missing',
  summary: {
    fr: 'Le message de clôture présente des excuses assumées : « toujours mieux perçues qu\'un silence gêné ».',
    en: 'The closing message makes an apology that owns the trouble: "always better received than an embarrassed silence".',
  },
  present: {
    fr: [String.raw`excuses|nous (?:nous )?excusons|pardon|désolée?s?|regrettons|(?:nos|sincères) regrets`],
    en: [String.raw`apologi[sz](?:e|es|ed|ing)|apolog(?:y|ies)|sorry|regret`],
  },
  message: {
    fr: 'La clôture ne présente pas d\'excuses : des excuses assumées sont toujours mieux perçues qu\'un silence gêné.',
    en: 'The closing does not apologise: an apology that owns the trouble is always better received than an embarrassed silence.',
  },
  insert: { fr: 'Nous vous présentons nos excuses pour la gêne occasionnée.', en: 'We apologise for the disruption this caused.' },
  examples: {
    fr: {
      bad: ['L\'incident du 10 mars est clos : une erreur de configuration avait bloqué les paiements. Nous avons ajouté un contrôle avant chaque mise à jour.[[]]'],
      good: ['L\'incident du 10 mars est clos. Nous vous présentons nos excuses pour ces deux heures sans paiement.'],
    },
    en: {
      bad: ['The 10 March incident is closed: a configuration error had blocked payments. We have added a check before every update.[[]]'],
      good: ['The 10 March incident is closed. We apologise for these two hours without payments.'],
    },
  },
});
