import { dataRule } from './internal.ts';

export const globalization = dataRule({
  id: 'globalization',
  category: 'sins',
  severity: 'warning',
  doctrine: '§3 — seven sins: globalization',
  summary: {
    fr: 'Généraliser pour relativiser (« cela arrive à tout le monde », « aucun système n\'est infaillible ») : cela se lit comme une excuse. Parlez de cet incident-ci.',
    en: 'Generalising to relativise ("this happens to everyone", "no system is perfect"): it reads as an excuse. Talk about this incident.',
  },
  packs: {
    fr: {
      patterns: [
        String.raw`(?:ça|cela|ceci|une panne|un incident) (?:arrive|peut arriver) à (?:tout le monde|n'importe qui|tous|chacun|tous les opérateurs|toutes les entreprises)`,
        String.raw`(?:tous|toutes) les (?:autres )?(?:opérateurs|hébergeurs|fournisseurs|entreprises|banques|plateformes|services en ligne|acteurs(?: du secteur| du marché)?)(?: [\p{L}'-]+){0,3}? (?:pannes|incidents|problèmes)`,
        String.raw`(?:aucun|nul) (?:système|service|opérateur|réseau|logiciel|acteur) n'est (?:infaillible|parfait|à l'abri)|personne n'est à l'abri`,
        { pattern: String.raw`le risque zéro n'existe pas`, severity: 'info' },
        String.raw`les aléas du métier|le lot de (?:tous|toutes|chacun)|(?:comme|à l'instar de) (?:tous|toutes) les (?:autres )?(?:opérateurs|acteurs|entreprises|plateformes)`,
      ],
      message: '« {hit} » généralise pour relativiser : cela se lit comme une excuse. Parlez de cet incident et de vos clients.',
      examples: {
        bad: ['Nous le regrettons, mais [[cela peut arriver à tout le monde]].', '[[Aucun système n\'est infaillible]] : le nôtre a cédé ce matin.'],
        good: ['Nous regrettons cette coupure : elle n\'aurait pas dû durer deux heures.', 'Tout le monde a pu se reconnecter à 17 h 20.'],
      },
    },
    en: {
      patterns: [
        String.raw`(?:this|it|outages?|incidents?) (?:can |could |does )?happens? to (?:everyone|anyone|everybody|the best of us|the best)`,
        String.raw`(?:all|every) (?:other )?(?:providers?|companies|operators|platforms|banks|cloud providers|online services)(?: [\p{L}'-]+){0,3}? (?:outages|incidents|downtime)`,
        String.raw`no (?:system|service|network|software|platform) is (?:perfect|infallible|immune)|nobody is immune|no one is immune`,
        String.raw`(?:outages|incidents|downtime) (?:are|is) (?:inevitable|a fact of life|part of (?:the|any) business)`,
        { pattern: String.raw`zero risk does not exist|there is no such thing as zero risk`, severity: 'info' },
      ],
      message: '"{hit}" generalises to relativise: it reads as an excuse. Talk about this incident and your customers.',
      examples: {
        bad: ['We regret it, but [[this can happen to anyone]].', '[[No system is perfect]]: ours gave way this morning.'],
        good: ['We regret this interruption: it should not have lasted two hours.', 'Everyone could sign in again at 5:20 pm.'],
      },
    },
  },
});
