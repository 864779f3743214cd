// The evaluation set: realistic messages, French and English, with the context they are linted in
// and the rules they MUST raise. Every other rule MUST NOT fire, except those listed in `may`
// (with the reason). Labelled from the doctrine (/work/shared/doctrine.md), not from the linter's
// output; test/linter/evaluation.test.ts asserts it and bench/lint.ts prints precision and recall.
import type { LintFacts, LintInput } from '../../src/domain/linter/index.ts';

export interface EvaluationCase {
  id: string;
  /** Where the text comes from, when it is not written for the set. */
  source?: string;
  input: LintInput;
  must: string[];
  /** Rules that may or may not fire without being wrong, each with its reason. */
  may?: Record<string, string>;
}

const facts = (overrides: Partial<LintFacts>): LintFacts => ({
  incidentOpen: true,
  personalDataBreach: false,
  figures: {},
  affectedComponents: [],
  unconfirmed: [],
  keyMessages: [],
  ...overrides,
});

// Orange, 6 July 2012 (seed 000): calls, texts and mobile internet down from 15:10 Paris time.
const ORANGE = facts({
  figures: { affectedPeople: 26_000_000, regions: ['France'] },
  startedAt: '2012-07-06T13:10:00Z',
  timeZone: 'Europe/Paris',
  status: 'investigating',
  affectedComponents: ['Réseau mobile', 'Internet mobile'],
});
const ORANGE_KEYS = {
  ...ORANGE,
  keyMessages: [
    { text: 'La panne est d\'origine logicielle, pas un manque de capacité.', language: 'fr' as const },
    { text: 'D\'importants moyens sont mobilisés.', language: 'fr' as const },
  ],
};
const ORANGE_CLOSED = { ...ORANGE, incidentOpen: false, status: 'resolved' as const };

// A card-payment incident: 40,000 customers, from 15:10 in Paris (14:10 UTC), cause identified.
const PAY = facts({
  figures: { affectedPeople: 40_000 },
  startedAt: '2026-03-10T14:10:00Z',
  timeZone: 'Europe/Paris',
  status: 'identified',
  affectedComponents: ['Paiement par carte', 'Card payments'],
  unconfirmed: ['attaque DDoS', 'a DDoS attack'],
});
// The same in London, where 15:10 GMT is 3:10 pm.
const PAY_EN = { ...PAY, startedAt: '2026-03-10T15:10:00Z', timeZone: 'Europe/London' };
const PAY_CLOSED = { ...PAY, incidentOpen: false, status: 'resolved' as const };
const PAY_EN_CLOSED = { ...PAY_EN, incidentOpen: false, status: 'resolved' as const };
const BARE = facts({});
const BREACH = facts({ personalDataBreach: true, figures: { affectedPeople: 120_000 }, affectedComponents: ['Espace client', 'Customer area'] });
const MOBILE_EN = facts({
  startedAt: '2026-03-10T15:10:00Z',
  timeZone: 'Europe/London',
  status: 'investigating',
  affectedComponents: ['Mobile network'],
  keyMessages: [{ text: 'The outage is caused by software, not by a lack of capacity.', language: 'en' }],
});

const fr = (text: string, rest: Omit<LintInput, 'text' | 'language'>): LintInput => ({ text, language: 'fr', ...rest });
const en = (text: string, rest: Omit<LintInput, 'text' | 'language'>): LintInput => ({ text, language: 'en', ...rest });
const customers = { audience: 'customers' };

const LONG_POST_EN =
  'Since 3:10 pm, calls and texts fail for our mobile customers across the country. Our teams are analysing the cause and restoring the service area by area, starting with the largest cities. ' +
  'Landlines and home internet are not affected. We are sorry for the trouble this causes, especially on a Friday evening. Next update at 7 pm on acme.example/status.';

export const evaluationSet: EvaluationCase[] = [
  // ——— French ———
  {
    id: 'fr-orange-first-statement',
    source: 'seed 000: Orange\'s first official statement, 6 July 2012, ~18:40',
    input: fr(
      'Depuis 15h10 cet après-midi, le réseau mobile d’Orange France est touché par un incident important. Les clients mobiles d’Orange sur tout le territoire rencontrent de grandes difficultés pour passer des appels, envoyer des SMS et utiliser l’internet mobile. Les équipes techniques d’Orange sont actuellement mobilisées pour résoudre cet incident et les investigations techniques sont en cours.',
      { stage: 'first', ...customers, channel: 'press', facts: ORANGE, nextUpdateLabel: '21 h' },
    ),
    must: ['missing-next-update'],
  },
  {
    id: 'fr-orange-closing-statement',
    source: 'seed 000: Orange\'s end-of-incident communiqué, 7 July 2012',
    input: fr(
      'Le réseau mobile d’Orange en France a été touché, vendredi 6 juillet par une panne logicielle sur un équipement essentiel du réseau entraînant de fortes perturbations pour ses clients. Les clients d’Orange, sur tout le territoire, ont rencontré de grandes difficultés pour passer des appels et envoyer des SMS entre 15h et 00h30. Quant à l’internet mobile, les difficultés ont persisté jusqu’à 03h20, heure du retour à la normale. Les équipes techniques, plus de 200 ingénieurs et techniciens réseau, se sont mobilisées immédiatement pour mener les investigations techniques nécessaires et résoudre cet incident. Ils resteront en alerte toute la nuit et tout au long du week-end pour surveiller le réseau et surveiller l’évolution de la situation. Delphine Ernotte Cunci, Directrice Exécutive Orange France, Pierre Louette, Directeur général adjoint du Groupe, et Thierry Bonhomme, Directeur exécutif en charge des Orange Labs ont rejoint le PC de crise du Centre de Supervision Réseau. Les investigations pour comprendre cet incident rarissime sont encore en cours. Orange présente ses excuses à tous ses clients pour les conséquences de ce grave incident et travaille à leur indemnisation.',
      { stage: 'closing', audience: 'press', channel: 'press', facts: ORANGE_CLOSED },
    ),
    must: ['closing-actions-missing'],
  },
  {
    id: 'fr-orange-contest-post',
    source: 'seed 000: the contest results Orange posted on Facebook at 17:30, during the outage',
    input: fr('Félicitations aux gagnants de notre jeu-concours de l’été ! Découvrez vite si vous faites partie des heureux élus 🎉', {
      stage: 'update',
      ...customers,
      channel: 'social',
      network: 'facebook',
      facts: ORANGE,
    }),
    must: ['promo-during-incident', 'missing-action', 'missing-next-update'],
  },
  {
    id: 'fr-orange-official-post-with-key-messages',
    source: 'seed 000: the kind of post Orange published at 22:14, with its key messages',
    input: fr(
      'Depuis 15h10, un incident sur notre réseau mobile perturbe les appels, les SMS et l’internet mobile de nos clients partout en France. Il s’agit d’une panne d’origine logicielle, pas d’un manque de capacité. D’importants moyens sont mobilisés : plus de 200 ingénieurs et techniciens travaillent à rétablir le service. Prochain point à minuit.',
      { stage: 'update', ...customers, channel: 'social', network: 'facebook', facts: ORANGE_KEYS },
    ),
    must: [],
  },
  {
    id: 'fr-orange-update-without-key-messages',
    input: fr('Les appels et SMS restent perturbés pour nos clients mobiles. Nos équipes poursuivent leurs investigations. Prochain point à 22 h.', {
      stage: 'update',
      ...customers,
      channel: 'status_page',
      facts: ORANGE_KEYS,
    }),
    must: ['key-message-missing'],
  },
  {
    id: 'fr-first-good',
    input: fr(
      'Depuis 15 h 10, le paiement par carte est refusé dans nos magasins et sur notre site. Tous nos clients sont concernés ; les paiements en espèces et par virement fonctionnent. Nos équipes analysent la cause avec notre prestataire de paiement. Prochain point à 16 h 30.',
      { stage: 'first', ...customers, channel: 'status_page', facts: PAY },
    ),
    must: [],
  },
  {
    id: 'fr-first-alarmist',
    input: fr('PANNE MAJEURE : depuis 15 h 10, plus aucun paiement par carte ne passe. C’est le chaos dans nos magasins. Nos équipes sont sur le pont. Prochain point à 16 h 30.', {
      stage: 'first',
      ...customers,
      channel: 'social',
      network: 'x',
      facts: PAY,
    }),
    must: ['alarmist-label', 'missing-impact'],
  },
  {
    id: 'fr-first-minimizing',
    input: fr('Un petit bug empêche certains clients de se connecter à l’application depuis ce matin. Rien de grave : nos équipes s’en occupent. Prochain point à 11 h.', {
      stage: 'first',
      ...customers,
      channel: 'social',
      network: 'x',
    }),
    must: ['minimizing-label', 'vague'],
  },
  {
    id: 'fr-first-vague',
    input: fr('Nous rencontrons actuellement un problème technique. Nous mettons tout en œuvre pour rétablir la situation dans les meilleurs délais.', {
      stage: 'first',
      ...customers,
      channel: 'status_page',
      nextUpdateLabel: '10 h 30',
    }),
    must: ['vague', 'missing-impact', 'missing-next-update'],
  },
  {
    id: 'fr-first-nothing-but-reassurance',
    input: fr('Nous sommes pleinement mobilisés et vous tiendrons informés. Merci de votre patience.', { stage: 'first', ...customers, channel: 'chat' }),
    must: ['missing-what', 'missing-impact', 'missing-next-update'],
  },
  {
    id: 'fr-update-eta',
    input: fr('Le correctif est en cours de déploiement. Le service sera rétabli à 17 h au plus tard. Prochain point à 16 h 30.', {
      stage: 'update',
      ...customers,
      channel: 'status_page',
      facts: PAY,
    }),
    must: ['resolution-eta'],
  },
  {
    id: 'fr-update-no-next',
    input: fr('Nos équipes poursuivent leurs analyses. Nous vous tiendrons informés.', { stage: 'update', ...customers, channel: 'status_page', facts: PAY }),
    must: ['missing-next-update'],
  },
  {
    id: 'fr-update-unconfirmed-as-fact',
    input: fr('La coupure des paiements est due à une attaque DDoS contre nos serveurs. Nos équipes filtrent le trafic. Prochain point à 17 h.', {
      stage: 'update',
      ...customers,
      channel: 'status_page',
      facts: PAY,
    }),
    must: ['unconfirmed-as-fact', 'jargon'],
  },
  {
    id: 'fr-update-hypothesis-hedged',
    input: fr('Nous examinons la piste d’une attaque par saturation ; rien n’est confirmé à ce stade. Nos équipes filtrent le trafic. Prochain point à 17 h.', {
      stage: 'update',
      ...customers,
      channel: 'status_page',
      facts: PAY,
    }),
    must: [],
  },
  {
    id: 'fr-update-wrong-start-time',
    input: fr('Depuis 15 h 40, le paiement par carte est indisponible pour 40 000 clients. Nos équipes ont identifié la cause et déploient un correctif. Prochain point à 17 h.', {
      stage: 'update',
      ...customers,
      channel: 'email',
      facts: PAY,
    }),
    must: ['contradiction'],
  },
  {
    id: 'fr-update-says-restored-too-early',
    input: fr('Bonne nouvelle : le service est rétabli pour tous nos clients. Nos équipes restent vigilantes. Prochain point à 18 h.', {
      stage: 'monitoring',
      ...customers,
      channel: 'status_page',
      facts: PAY,
    }),
    must: ['contradiction'],
  },
  {
    id: 'fr-update-disagrees-with-sibling',
    input: fr('Depuis 15 h 40, le paiement par carte est indisponible. Nos équipes cherchent la cause. Prochain point à 17 h.', {
      stage: 'update',
      ...customers,
      channel: 'sms',
      facts: BARE,
      siblings: [{ text: 'Since 3:10 pm, card payments have been unavailable. Our engineers are investigating. Next update at 5 pm.', language: 'en', audience: 'customers', channel: 'email' }],
    }),
    must: ['contradiction'],
  },
  {
    id: 'fr-breach-notice-good',
    input: fr(
      'Madame, Monsieur, le 3 mars, une personne non autorisée a accédé à notre fichier clients. Les noms, adresses e-mail et numéros de téléphone de 120 000 clients, dont vous, ont été exposés ; vos mots de passe et vos coordonnées bancaires ne sont pas concernés. Ces informations pourraient être utilisées pour des messages frauduleux qui imitent notre marque. Nous avons fermé l’accès le jour même, déposé plainte et notifié la CNIL. Par précaution, méfiez-vous des messages qui vous demandent vos identifiants et ne cliquez pas sur leurs liens. Pour toute question, écrivez à notre délégué à la protection des données : dpo@exemple.fr.',
      { stage: 'breach_notice', ...customers, channel: 'email', subject: 'Vos données : ce qui s’est passé et ce que nous faisons', facts: BREACH },
    ),
    must: [],
  },
  {
    id: 'fr-breach-small-number',
    input: fr(
      'Le 3 mars, un incident de sécurité a concerné les données d’un petit nombre de clients. Ces données pourraient être utilisées pour des tentatives d’hameçonnage : soyez vigilants. Nous avons fermé l’accès et prévenu la CNIL. Questions : dpo@exemple.fr.',
      { stage: 'breach_notice', ...customers, channel: 'email', facts: BREACH },
    ),
    must: ['breach-minimized'],
  },
  {
    id: 'fr-breach-lower-figure',
    input: fr(
      'Le 3 mars, les adresses e-mail de 12 000 clients ont été exposées. Elles pourraient servir à des messages frauduleux : méfiez-vous des demandes d’identifiants. Nous avons fermé l’accès et prévenu la CNIL. Questions : dpo@exemple.fr.',
      { stage: 'breach_notice', ...customers, channel: 'email', facts: BREACH },
    ),
    must: ['breach-minimized'],
  },
  {
    id: 'fr-breach-notice-empty',
    input: fr('Nous avons détecté un accès non autorisé à notre base clients. L’enquête est en cours.', { stage: 'breach_notice', ...customers, channel: 'email', facts: BREACH }),
    must: ['breach-advice-missing', 'breach-contact-missing', 'breach-consequences-missing', 'breach-measures-missing'],
  },
  {
    id: 'fr-closing-good',
    input: fr(
      'L’incident du 10 mars est clos. De 15 h 10 à 17 h 20, le paiement par carte a été refusé pour 40 000 clients. La cause : une erreur de configuration lors d’une mise à jour de notre prestataire de paiement. Nous avons ajouté un contrôle automatique avant chaque mise à jour et un second prestataire en secours. Nous vous présentons nos excuses pour la gêne occasionnée. Une question ? Écrivez-nous à support@exemple.fr.',
      { stage: 'closing', ...customers, channel: 'email', subject: 'Incident du 10 mars : ce qui s’est passé', facts: PAY_CLOSED },
    ),
    must: [],
  },
  {
    id: 'fr-closing-overtechnical',
    input: fr(
      'L’incident est clos. Un deadlock sur le cluster PostgreSQL primaire a saturé le pool de connexions ; les timeouts du load balancer ont dépassé 30 000 ms et le failover vers le réplica n’a pas basculé. Nous avons corrigé la configuration. Nous vous présentons nos excuses.',
      { stage: 'closing', ...customers, channel: 'email', facts: PAY_CLOSED },
    ),
    must: ['closing-overtechnical', 'jargon'],
  },
  {
    id: 'fr-closing-self-flagellation',
    input: fr(
      'Ce qui s’est passé mardi est impardonnable. Nous avons honte et nous ne méritons pas votre confiance. La panne venait d’une erreur de configuration ; nous avons ajouté des contrôles. Toutes nos excuses.',
      { stage: 'closing', ...customers, channel: 'email', facts: PAY_CLOSED },
    ),
    must: ['closing-self-flagellation'],
  },
  {
    id: 'fr-closing-no-apology',
    input: fr('Le service de paiement fonctionne normalement depuis 17 h 20. La coupure était due à une erreur de configuration. Nous avons ajouté un contrôle automatique avant chaque mise à jour.', {
      stage: 'closing',
      ...customers,
      channel: 'status_page',
      facts: PAY_CLOSED,
    }),
    must: ['closing-apology-missing'],
  },
  {
    id: 'fr-sms-too-long',
    input: fr(
      'Orange : depuis 15 h 10, les appels, SMS et l’internet mobile sont perturbés pour nos clients partout en France. Nos équipes sont mobilisées pour rétablir le service. Prochain point à 19 h sur orange.fr/info. Nous vous présentons nos excuses pour la gêne occasionnée.',
      { stage: 'first', ...customers, channel: 'sms', facts: ORANGE },
    ),
    must: ['too-long'],
  },
  {
    id: 'fr-sms-good',
    input: fr('Orange : depuis 15h10, appels et SMS perturbés pour nos clients partout en France. Équipes mobilisées. Prochain point à 19h sur orange.fr/info', {
      stage: 'first',
      ...customers,
      channel: 'sms',
      facts: ORANGE,
    }),
    must: [],
  },
  {
    id: 'fr-legalese-post',
    input: fr('Conformément à nos conditions générales d’utilisation, notre responsabilité ne saurait être engagée pour l’interruption du service survenue ce matin. Le service est rétabli.', {
      stage: 'resolved',
      ...customers,
      channel: 'social',
      network: 'linkedin',
    }),
    must: ['legalese'],
  },
  {
    id: 'fr-press-no-comment',
    input: fr('Interrogée sur l’origine de la panne, la direction n’a pas souhaité faire de déclaration. Nous ne commentons pas les rumeurs.', { stage: 'update', audience: 'press', channel: 'press' }),
    must: ['no-comment', 'missing-action', 'missing-next-update'],
  },
  {
    id: 'fr-blame-provider',
    input: fr('Cette panne est entièrement de la faute de notre hébergeur, qui n’a pas respecté ses engagements. Le service reprend progressivement. Prochain point à 18 h.', {
      stage: 'update',
      ...customers,
      channel: 'status_page',
    }),
    must: ['blame', 'missing-action'],
  },
  {
    id: 'fr-victim-and-globalization',
    input: fr('Nous sommes nous aussi victimes de cette panne d’électricité. Ça peut arriver à tout le monde : aucun système n’est infaillible. Nos équipes redémarrent les serveurs. Prochain point à 20 h.', {
      stage: 'update',
      ...customers,
      channel: 'status_page',
    }),
    must: ['victimization', 'globalization'],
  },
  {
    id: 'fr-counter-fire-and-arrogance',
    input: fr('Contrairement à ce qu’affirment certains médias qui exagèrent, la coupure n’a duré que 40 minutes. Comme chacun sait, notre réseau reste le meilleur de France.', {
      stage: 'rumor_correction',
      ...customers,
      channel: 'social',
      network: 'x',
    }),
    must: ['counter-fire', 'arrogance'],
  },
  {
    id: 'fr-over-promise',
    input: fr('Nous avons corrigé la faille : vos données sont désormais totalement sécurisées et cela ne se reproduira plus.', { stage: 'update', ...customers, channel: 'email' }),
    must: ['over-promise', 'missing-next-update'],
  },
  {
    id: 'fr-partners-api-accepted-by-glossary',
    input: fr('Notre API de paiement renvoie des erreurs depuis 15 h 10 pour tous les commerçants. Nous avons basculé sur le site de secours. Prochain point à 16 h.', {
      stage: 'first',
      audience: 'partners',
      channel: 'email',
      facts: PAY,
      glossary: [{ term: 'API', plain: 'interface de paiement', language: 'fr', audiences: ['customers'] }],
    }),
    must: [],
  },
  {
    id: 'fr-customers-api-from-glossary',
    input: fr('Notre API de paiement renvoie des erreurs depuis 15 h 10 pour tous les commerçants. Nous avons basculé sur le site de secours. Prochain point à 16 h.', {
      stage: 'first',
      ...customers,
      channel: 'email',
      facts: PAY,
      glossary: [{ term: 'API', plain: 'interface de paiement', language: 'fr', audiences: ['customers'] }],
    }),
    must: ['jargon'],
  },
  {
    id: 'fr-maintenance-notice',
    input: fr('Maintenance programmée le 12 mars de 2 h à 4 h : l’application sera indisponible. Le service sera de nouveau disponible à 4 h.', {
      stage: 'maintenance_notice',
      ...customers,
      channel: 'email',
    }),
    must: [],
  },
  {
    id: 'fr-rumor-correction',
    input: fr(
      'Une rumeur évoque « une panne géante touchant 2 millions de clients » : c’est faux. 40 000 clients ont été privés de paiement par carte entre 15 h 10 et 17 h 20. Le paiement fonctionne normalement depuis.',
      { stage: 'rumor_correction', ...customers, channel: 'social', network: 'x', facts: PAY_CLOSED },
    ),
    must: [],
  },
  {
    id: 'fr-readability-bureaucratic',
    input: fr(
      'Consécutivement à l’identification d’un dysfonctionnement intermittent affectant l’infrastructure d’authentification, des opérations de remédiation comprenant la rectification des paramétrages ainsi que des procédures de vérification approfondies sont actuellement conduites par les personnels opérationnels concernés. Prochain point à 17 h.',
      { stage: 'update', ...customers, channel: 'email' },
    ),
    must: ['readability', 'missing-action'],
  },

  // ——— English ———
  {
    id: 'en-first-good',
    input: en(
      'Since 3:10 pm, card payments have been declined in our stores and on our website. All customers are affected; cash and bank transfers still work. Our engineers are working with our payment provider to find the cause. Next update at 4:30 pm.',
      { stage: 'first', ...customers, channel: 'status_page', facts: PAY_EN },
    ),
    must: [],
  },
  {
    id: 'en-first-orange-like-no-next-update',
    source: 'seed 000, Orange\'s first statement transposed to an English operator',
    input: en(
      'Since 3:10 this afternoon, Acme Mobile’s network has been hit by a significant incident. Customers across the country are having great difficulty making calls, sending texts and using mobile data. Acme’s technical teams are working to resolve the incident and investigations are under way.',
      { stage: 'first', ...customers, channel: 'press', facts: MOBILE_EN, nextUpdateLabel: '9 pm' },
    ),
    must: ['missing-next-update', 'key-message-missing'],
  },
  {
    id: 'en-first-alarmist',
    input: en('MAJOR OUTAGE: all payments are down! This is a disaster for our customers. Our team is investigating. Next update at 4:30 pm.', {
      stage: 'first',
      ...customers,
      channel: 'social',
      network: 'x',
    }),
    must: ['alarmist-label'],
  },
  {
    id: 'en-first-vague',
    input: en('We are experiencing technical difficulties with some services. We are working to resolve the issue as soon as possible. Next update soon.', {
      stage: 'first',
      ...customers,
      channel: 'status_page',
    }),
    must: ['vague', 'missing-impact', 'missing-next-update'],
  },
  {
    id: 'en-first-minimizing',
    input: en('A minor glitch is preventing some users from logging in. Nothing to worry about: our engineers are on it. Next update at 11 am.', {
      stage: 'first',
      ...customers,
      channel: 'social',
      network: 'x',
    }),
    must: ['minimizing-label', 'vague'],
  },
  {
    id: 'en-first-no-symptom',
    input: en('Our teams are fully mobilised and we will keep you informed. Thank you for your patience.', { stage: 'first', ...customers, channel: 'chat' }),
    must: ['missing-what', 'missing-impact', 'missing-next-update'],
  },
  {
    id: 'en-update-eta',
    input: en('The fix is being rolled out and service will be fully restored by 6 pm. Next update at 5 pm.', { stage: 'update', ...customers, channel: 'status_page', facts: PAY_EN }),
    must: ['resolution-eta'],
  },
  {
    id: 'en-update-no-next',
    input: en('Our engineers are still investigating. We will keep you posted.', { stage: 'update', ...customers, channel: 'status_page', facts: PAY_EN }),
    must: ['missing-next-update'],
  },
  {
    id: 'en-update-unconfirmed-as-fact',
    input: en('The outage was caused by a DDoS attack on our servers. We are filtering the traffic. Next update at 5 pm.', {
      stage: 'update',
      ...customers,
      channel: 'status_page',
      facts: PAY_EN,
    }),
    must: ['unconfirmed-as-fact', 'jargon'],
  },
  {
    id: 'en-update-hypothesis-hedged',
    input: en('We are looking into whether a traffic flood is involved; nothing is confirmed yet. Next update at 5 pm.', {
      stage: 'update',
      ...customers,
      channel: 'status_page',
      facts: PAY_EN,
    }),
    must: [],
  },
  {
    id: 'en-update-wrong-figure',
    input: en('Card payments have been failing since 3:10 pm for around 400,000 customers. Our team has identified the cause and is deploying a fix. Next update at 5 pm.', {
      stage: 'update',
      ...customers,
      channel: 'email',
      facts: PAY_EN,
    }),
    must: ['contradiction'],
  },
  {
    id: 'en-update-component-said-fine',
    input: en('Only online orders are affected; card payments are working normally. Our team is investigating. Next update at 5 pm.', {
      stage: 'update',
      ...customers,
      channel: 'status_page',
      facts: PAY_EN,
    }),
    must: ['contradiction'],
  },
  {
    id: 'en-update-disagrees-with-sibling',
    input: en('Good news: the service is restored. Our engineers keep watching. Next update at 6 pm.', {
      stage: 'monitoring',
      ...customers,
      channel: 'email',
      facts: BARE,
      siblings: [{ text: 'Le service est toujours indisponible. Nos équipes cherchent la cause. Prochain point à 18 h.', language: 'fr', audience: 'customers', channel: 'status_page' }],
    }),
    must: ['contradiction'],
  },
  {
    id: 'en-breach-notice-good',
    input: en(
      'On 3 March, an unauthorised person accessed our customer database. The names, e-mail addresses and phone numbers of 120,000 customers, including yours, were exposed; your passwords and bank details were not. This information could be used for fraudulent messages that imitate our brand. We closed the access the same day, filed a complaint and notified the regulator. As a precaution, be wary of messages asking for your credentials and do not click their links. For any question, write to our data protection officer at dpo@example.com.',
      { stage: 'breach_notice', ...customers, channel: 'email', subject: 'Your data: what happened and what we are doing', facts: BREACH },
    ),
    must: [],
  },
  {
    id: 'en-breach-small-number',
    input: en(
      'On 3 March, a security incident affected the data of a small number of customers. This data could be used for phishing attempts: stay alert. We have closed the access and notified the regulator. Questions: dpo@example.com.',
      { stage: 'breach_notice', ...customers, channel: 'email', facts: BREACH },
    ),
    must: ['breach-minimized'],
  },
  {
    id: 'en-breach-notice-empty',
    input: en('We detected unauthorised access to our customer database. Our investigation is ongoing.', { stage: 'breach_notice', ...customers, channel: 'email', facts: BREACH }),
    must: ['breach-advice-missing', 'breach-contact-missing', 'breach-consequences-missing', 'breach-measures-missing'],
  },
  {
    id: 'en-breach-over-promise',
    input: en(
      'On 3 March, the e-mail addresses of 120,000 customers were exposed. They could be used for phishing: be wary of messages asking for your password. We have closed the access and notified the regulator; your data is now completely secure. Questions: dpo@example.com.',
      { stage: 'breach_notice', ...customers, channel: 'email', facts: BREACH },
    ),
    must: ['over-promise'],
  },
  {
    id: 'en-closing-good',
    input: en(
      'The 10 March incident is closed. From 3:10 to 5:20 pm, card payments were declined for 40,000 customers. The cause was a configuration error during an update by our payment provider. We have added an automatic check before every update and a second provider as a backup. We apologise for the disruption. Questions? Write to support@example.com.',
      { stage: 'closing', ...customers, channel: 'email', subject: 'The 10 March incident: what happened', facts: PAY_EN_CLOSED },
    ),
    must: [],
  },
  {
    id: 'en-closing-overtechnical',
    input: en(
      'The incident is closed. A deadlock on the primary PostgreSQL cluster exhausted the connection pool; load balancer timeouts exceeded 30,000 ms and the failover to the replica did not trigger. We have fixed the configuration. We apologise.',
      { stage: 'closing', ...customers, channel: 'email', facts: PAY_EN_CLOSED },
    ),
    must: ['closing-overtechnical', 'jargon'],
  },
  {
    id: 'en-closing-self-flagellation',
    input: en(
      'What happened on Tuesday was unforgivable. We are deeply ashamed and we don’t deserve your trust. The outage came from a configuration error; we have added checks. Our apologies.',
      { stage: 'closing', ...customers, channel: 'email', facts: PAY_EN_CLOSED },
    ),
    must: ['closing-self-flagellation'],
  },
  {
    id: 'en-closing-no-cause',
    input: en('Payments have worked normally since 5:20 pm. We have added an automatic check before every update. We apologise for the disruption.', {
      stage: 'closing',
      ...customers,
      channel: 'status_page',
      facts: PAY_EN_CLOSED,
    }),
    must: ['closing-cause-missing'],
  },
  {
    id: 'en-sms-too-long',
    input: en(
      'Acme: since 3:10 pm, calls, texts and mobile data are disrupted for customers across the country. Our teams are working to restore service. Next update at 7 pm on acme.example/status. We’re sorry for the inconvenience.',
      { stage: 'first', ...customers, channel: 'sms', facts: PAY_EN },
    ),
    must: ['too-long'],
  },
  {
    id: 'en-sms-good',
    input: en('Acme: since 3:10 pm, calls and texts fail for customers nationwide. Teams on it. Next update 7 pm: acme.example/status', {
      stage: 'first',
      ...customers,
      channel: 'sms',
      facts: PAY_EN,
    }),
    must: [],
  },
  {
    id: 'en-x-post-too-long',
    input: en(LONG_POST_EN, { stage: 'first', ...customers, channel: 'social', network: 'x' }),
    must: ['too-long'],
  },
  {
    id: 'en-mastodon-post-fits',
    input: en(LONG_POST_EN, { stage: 'first', ...customers, channel: 'social', network: 'mastodon' }),
    must: [],
  },
  {
    id: 'en-email-subject-too-long',
    input: en(
      'The 10 March incident is closed. Card payments were declined for two hours because of a configuration error. We have added an automatic check before every update. We apologise for the disruption.',
      { stage: 'closing', ...customers, channel: 'email', subject: 'Update on the 10 March card payment incident: cause, corrective actions and next steps', facts: PAY_EN_CLOSED },
    ),
    must: ['too-long'],
  },
  {
    id: 'en-promo-during-outage',
    input: en('Congratulations to the winners of our summer giveaway! 🎉 Check your inbox for your prize.', {
      stage: 'update',
      ...customers,
      channel: 'social',
      network: 'facebook',
      facts: MOBILE_EN,
    }),
    must: ['promo-during-incident', 'missing-action', 'missing-next-update', 'key-message-missing'],
  },
  {
    id: 'en-promo-postponed',
    input: en(
      'We have postponed our summer giveaway: all our attention is on the ongoing outage. Since 3:10 pm, calls and texts fail for customers nationwide; our engineers are working on it. The outage is caused by software, not by a lack of capacity. Next update at 7 pm.',
      { stage: 'update', ...customers, channel: 'social', network: 'facebook', facts: MOBILE_EN },
    ),
    must: [],
  },
  {
    id: 'en-legalese',
    input: en('Pursuant to our terms of service, the company shall not be liable for the interruption that occurred this morning. Service has been restored.', {
      stage: 'resolved',
      ...customers,
      channel: 'social',
      network: 'linkedin',
    }),
    must: ['legalese'],
  },
  {
    id: 'en-press-no-comment',
    input: en('Asked about the cause, a spokesperson said the company does not discuss ongoing investigations. No further comment.', { stage: 'update', audience: 'press', channel: 'press' }),
    must: ['no-comment', 'missing-next-update'],
  },
  {
    id: 'en-blame-provider',
    input: en('This outage is entirely the fault of our cloud provider, which failed to keep its commitments. Service is coming back gradually. Next update at 6 pm.', {
      stage: 'update',
      ...customers,
      channel: 'status_page',
    }),
    must: ['blame', 'missing-action'],
  },
  {
    id: 'en-victim-and-globalization',
    input: en('We too are victims of this power failure. This can happen to anyone: no system is perfect. Our engineers are restarting the servers. Next update at 8 pm.', {
      stage: 'update',
      ...customers,
      channel: 'status_page',
    }),
    must: ['victimization', 'globalization'],
  },
  {
    id: 'en-counter-fire-and-arrogance',
    input: en('Frankly, the media is blowing this out of proportion: the interruption lasted 40 minutes. As everyone knows, our network is second to none.', {
      stage: 'rumor_correction',
      ...customers,
      channel: 'social',
      network: 'x',
    }),
    must: ['counter-fire', 'arrogance'],
  },
  {
    id: 'en-technical-audience-jargon-fine',
    input: en('Our DNS provider’s anycast network has returned SERVFAIL for api.acme.example since 15:10 UTC. We have switched to our secondary DNS provider; propagation is in progress. Next update at 16:30 UTC.', {
      stage: 'update',
      audience: 'technical_customers',
      channel: 'status_page',
      facts: PAY_EN,
    }),
    must: [],
  },
  {
    id: 'en-maintenance-notice',
    input: en('Scheduled maintenance on 12 March from 2:00 to 4:00 am UTC: the app will be unavailable. Service will be available again at 4:00 am.', {
      stage: 'maintenance_notice',
      ...customers,
      channel: 'email',
    }),
    must: [],
  },
  {
    id: 'en-rumor-correction',
    input: en('A post claims "a total meltdown affecting 2 million customers": this is false. 40,000 customers could not pay by card between 3:10 and 5:20 pm. Payments have worked normally since.', {
      stage: 'rumor_correction',
      ...customers,
      channel: 'social',
      network: 'x',
      facts: PAY_EN_CLOSED,
    }),
    must: [],
  },
  {
    id: 'en-readability-bureaucratic',
    input: en(
      'Subsequent to the identification of an intermittent malfunction affecting the authentication infrastructure, remediation activities encompassing configuration rectification and comprehensive verification procedures are currently being undertaken by the relevant operational personnel. Next update at 5 pm.',
      { stage: 'update', ...customers, channel: 'email' },
    ),
    must: ['readability', 'missing-action'],
  },

  // ——— Held out: written after the rules and the cases above were settled, labelled before linting ———
  {
    id: 'fr-held-first-connection',
    source: 'held-out',
    input: fr('Depuis ce matin 9 h 15, certains d’entre vous n’arrivent plus à se connecter à leur espace client. Nos techniciens sont sur le problème. Nous ferons un point à 11 h.', {
      stage: 'first',
      ...customers,
      channel: 'status_page',
    }),
    must: [],
  },
  {
    id: 'fr-held-update-partial',
    source: 'held-out',
    input: fr('Point de situation : le paiement sans contact refonctionne dans la plupart des magasins, mais les paiements en ligne échouent encore. Nous redémarrons les serveurs concernés un par un. Prochaine mise à jour dans 45 minutes.', {
      stage: 'update',
      ...customers,
      channel: 'status_page',
    }),
    must: [],
  },
  {
    id: 'fr-held-closing-good',
    source: 'held-out',
    input: fr('Retour sur l’incident du 4 avril. Pendant 3 heures, une partie de nos clients n’a pas pu accéder à ses relevés. À l’origine : un disque saturé sur un serveur de stockage. Nous avons mis en place une alerte sur le taux de remplissage. Toutes nos excuses pour ce désagrément.', {
      stage: 'closing',
      ...customers,
      channel: 'email',
    }),
    must: [],
  },
  {
    id: 'fr-held-breach-no-advice',
    source: 'held-out',
    input: fr('Le 12 avril, nous avons découvert qu’un prestataire avait laissé accessible un fichier contenant les noms et adresses postales de 3 400 adhérents. Ces informations pourraient être utilisées pour des courriers frauduleux. Nous avons fait supprimer le fichier et informé la CNIL. Contact : dpo@mutuelle.fr.', {
      stage: 'breach_notice',
      ...customers,
      channel: 'email',
      facts: facts({ personalDataBreach: true, figures: { affectedPeople: 3400 } }),
    }),
    must: ['breach-advice-missing'],
  },
  {
    id: 'fr-held-first-critical',
    source: 'held-out',
    input: fr('Incident critique en cours sur nos services de messagerie : les e-mails ne sont plus distribués depuis 8 h. Nos ingénieurs enquêtent. Prochain point à 9 h 30.', {
      stage: 'first',
      ...customers,
      channel: 'status_page',
    }),
    must: ['alarmist-label', 'missing-impact'],
  },
  {
    id: 'fr-held-social-casual',
    source: 'held-out',
    input: fr('Léger souci sur l’appli ce matin, rien de méchant 😉 On s’en occupe !', { stage: 'first', ...customers, channel: 'social', network: 'x' }),
    must: ['minimizing-label', 'missing-impact', 'missing-next-update'],
  },
  {
    id: 'fr-held-press-human-error',
    source: 'held-out',
    input: fr('Selon nos premières constatations, la coupure résulte d’une erreur humaine d’un technicien lors d’une opération de maintenance. Le service est rétabli depuis 14 h.', {
      stage: 'update',
      audience: 'press',
      channel: 'press',
    }),
    must: ['blame', 'missing-action', 'missing-next-update'],
  },
  {
    id: 'en-held-first-casual',
    source: 'held-out',
    input: en('Heads up: some of you can’t place orders on the app right now. We’re on it and will post an update by 2:30 pm.', { stage: 'first', ...customers, channel: 'social', network: 'mastodon' }),
    must: [],
  },
  {
    id: 'en-held-update-recovery-eta',
    source: 'held-out',
    input: en('Mitigation is in place and error rates are dropping. We expect full recovery within the next hour. Next update at 3 pm.', { stage: 'update', ...customers, channel: 'status_page' }),
    must: ['resolution-eta'],
  },
  {
    id: 'en-held-closing-no-actions',
    source: 'held-out',
    input: en('On Tuesday, our checkout was unavailable for 90 minutes because a certificate expired. We’re sorry for the disruption.', { stage: 'closing', ...customers, channel: 'email' }),
    must: ['closing-actions-missing'],
  },
  {
    id: 'en-held-breach-limited-number',
    source: 'held-out',
    input: en(
      'We recently identified suspicious activity affecting a limited number of accounts. Exposed data may include names and email addresses, which could be used in phishing emails. We have reset the affected passwords and reported the incident to the ICO. Please change your password and contact privacy@example.com with any questions.',
      { stage: 'breach_notice', ...customers, channel: 'email', facts: BREACH },
    ),
    must: ['breach-minimized'],
    may: { readability: 'Flesch 38 against a target of 40: a typical corporate breach notice, borderline; not labelled before linting' },
  },
  {
    id: 'en-held-cause-before-sheet',
    source: 'held-out',
    input: en('We’ve identified the root cause and are deploying a fix. Next update at 4 pm.', { stage: 'identified', ...customers, channel: 'status_page', facts: MOBILE_EN }),
    must: ['contradiction', 'key-message-missing'],
  },
  {
    id: 'en-held-arrogance',
    source: 'held-out',
    input: en('Our platform is industry-leading and rarely fails; today’s slowdown was an exception. Our engineers are monitoring. Next update at 5 pm.', { stage: 'monitoring', ...customers, channel: 'status_page' }),
    must: ['arrogance'],
  },
  {
    id: 'en-held-no-comment',
    source: 'held-out',
    input: en('We won’t be commenting further on this matter.', { stage: 'update', audience: 'press', channel: 'press' }),
    must: ['no-comment', 'missing-action', 'missing-next-update'],
  },
];
