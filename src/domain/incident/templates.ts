import type { Impact } from './lifecycle.ts';

/**
 * The incidents a crisis cell opens most, ready to open: what to establish first on the fact sheet
 * (doctrine §2: what, who, what we do, when we speak next; §6 for personal data), key messages
 * that hold whatever is learned next (§2: no promise that may not hold, nothing minimized), and
 * the rhythm of updates (§1: every 60–90 min at the start).
 */

type Bilingual = { fr: string; en: string };

export const incidentTemplateKeys = ['outage', 'degradation', 'data_breach', 'security_incident', 'maintenance'] as const;
export type IncidentTemplateKey = (typeof incidentTemplateKeys)[number];

export interface IncidentTemplate {
  key: IncidentTemplateKey;
  /** `maintenance`: the console opens the maintenance form instead of an incident. */
  kind: 'incident' | 'maintenance';
  label: Bilingual;
  description: Bilingual;
  impact: Impact;
  suggestedName: Bilingual;
  /** Turns the fact sheet's breach flag on: the 72 h clock and the breach rules of the linter. */
  isPersonalDataBreach: boolean;
  /** What the cell establishes first, as guidance for the fact sheet. */
  questions: readonly Bilingual[];
  /** Written on the fact sheet as key messages, in both languages, when the incident opens. */
  keyMessages: readonly Bilingual[];
  /** Minutes between public updates to suggest; null for a maintenance, announced by its window. */
  nextUpdateMinutes: number | null;
}

const whenWeSpeakNext: Bilingual = { fr: 'À quelle heure ferons-nous le prochain point ?', en: 'At what time will we speak next?' };
const sayWhatWeKnow: Bilingual = { fr: 'Nous disons ce que nous savons, et ce que nous ne savons pas encore.', en: 'We say what we know, and what we do not know yet.' };
const nextPointAnnounced: Bilingual = { fr: 'Chaque message annonce l’heure du prochain point, et nous la tenons.', en: 'Every message gives the time of the next update, and we keep it.' };

const catalog: readonly IncidentTemplate[] = [
  {
    key: 'outage',
    kind: 'incident',
    label: { fr: 'Panne', en: 'Outage' },
    description: { fr: 'Un service ne répond plus, pour tout ou partie des clients.', en: 'A service does not work, for some or all customers.' },
    impact: 'major',
    suggestedName: { fr: 'Service indisponible', en: 'Service unavailable' },
    isPersonalDataBreach: false,
    questions: [
      { fr: 'Qu’est-ce qui ne fonctionne pas, dit avec les mots des clients ?', en: 'What does not work, in the customers’ own words?' },
      { fr: 'Depuis quand ? Heure de début et heure de détection.', en: 'Since when? The time it started and the time it was detected.' },
      { fr: 'Qui est touché : quels clients, combien, où ?', en: 'Who is affected: which customers, how many, where?' },
      { fr: 'Que font les équipes en ce moment ?', en: 'What are the teams doing right now?' },
      { fr: 'Les clients ont-ils une solution de contournement ?', en: 'Is there a workaround customers can use?' },
      whenWeSpeakNext,
    ],
    keyMessages: [
      { fr: 'Nos équipes sont mobilisées pour rétablir le service.', en: 'Our teams are working to restore the service.' },
      sayWhatWeKnow,
      nextPointAnnounced,
    ],
    nextUpdateMinutes: 60,
  },
  {
    key: 'degradation',
    kind: 'incident',
    label: { fr: 'Dégradation', en: 'Degradation' },
    description: { fr: 'Le service fonctionne, mais plus lentement ou par intermittence.', en: 'The service works, but slowly or intermittently.' },
    impact: 'minor',
    suggestedName: { fr: 'Service ralenti', en: 'Service degraded' },
    isPersonalDataBreach: false,
    questions: [
      { fr: 'Qu’est-ce qui est plus lent ou échoue par moments, et dans quelle proportion ?', en: 'What is slower or fails at times, and how often?' },
      { fr: 'Depuis quand ?', en: 'Since when?' },
      { fr: 'Qui est touché : quels clients, quelles régions ?', en: 'Who is affected: which customers, which regions?' },
      { fr: 'Que peuvent faire les clients en attendant ?', en: 'What can customers do in the meantime?' },
      whenWeSpeakNext,
    ],
    keyMessages: [
      { fr: 'Le service reste accessible ; certaines opérations sont plus lentes qu’à l’habitude.', en: 'The service remains available; some operations are slower than usual.' },
      { fr: 'Nos équipes en recherchent la cause.', en: 'Our teams are looking for the cause.' },
      nextPointAnnounced,
    ],
    nextUpdateMinutes: 90,
  },
  {
    key: 'data_breach',
    kind: 'incident',
    label: { fr: 'Violation de données personnelles', en: 'Personal data breach' },
    description: {
      fr: 'Des données personnelles ont pu être consultées, copiées, modifiées ou perdues. Le RGPD demande de prévenir la CNIL sous 72 h après en avoir pris connaissance.',
      en: 'Personal data may have been accessed, copied, altered or lost. The GDPR asks for the authority to be told within 72 h of becoming aware.',
    },
    impact: 'major',
    suggestedName: { fr: 'Violation de données personnelles', en: 'Personal data breach' },
    isPersonalDataBreach: true,
    questions: [
      { fr: 'Quelles données sont concernées (catégories), et des données sensibles en font-elles partie ?', en: 'What data is involved (categories), and does it include special-category data?' },
      { fr: 'Combien de personnes et d’enregistrements, même approximativement ?', en: 'How many people and records, even approximately?' },
      { fr: 'Depuis quand, et quand l’avons-nous su ? Le délai de 72 h court à partir de là.', en: 'Since when, and when did we become aware? The 72 h start from there.' },
      { fr: 'L’accès est-il fermé ? Quelles mesures sont prises ?', en: 'Is the access closed? What measures have been taken?' },
      { fr: 'Quelles conséquences possibles pour les personnes ?', en: 'What could the consequences be for the people concerned?' },
      { fr: 'Que doivent faire les personnes : mot de passe, vigilance face à l’hameçonnage, surveillance des comptes ?', en: 'What should people do: change a password, watch for phishing, check their accounts?' },
      { fr: 'Qui répond aux questions (délégué à la protection des données) ?', en: 'Who answers questions (the data protection officer)?' },
    ],
    keyMessages: [
      { fr: 'Nous disons quelles données sont concernées, sans rien minimiser.', en: 'We say which data is involved, without playing anything down.' },
      { fr: 'Par précaution, changez votre mot de passe et méfiez-vous des messages qui vous demandent vos identifiants.', en: 'As a precaution, change your password and be wary of messages asking for your credentials.' },
      { fr: 'Notre délégué à la protection des données répond à vos questions.', en: 'Our data protection officer answers your questions.' },
    ],
    nextUpdateMinutes: 60,
  },
  {
    key: 'security_incident',
    kind: 'incident',
    label: { fr: 'Incident de sécurité', en: 'Security incident' },
    description: {
      fr: 'Une intrusion, un rançongiciel ou une activité anormale sur nos systèmes. S’il touche des données personnelles, c’est aussi une violation de données.',
      en: 'An intrusion, ransomware or abnormal activity on our systems. If it touches personal data, it is also a data breach.',
    },
    impact: 'major',
    suggestedName: { fr: 'Incident de sécurité', en: 'Security incident' },
    isPersonalDataBreach: false,
    questions: [
      { fr: 'Quels systèmes et quels services sont touchés ?', en: 'Which systems and services are affected?' },
      { fr: 'L’incident est-il contenu ? Qu’avons-nous isolé ou coupé ?', en: 'Is it contained? What have we isolated or shut down?' },
      { fr: 'Des données personnelles sont-elles concernées ? Si oui, marquez la fiche comme violation de données.', en: 'Is personal data involved? If so, flag the fact sheet as a personal data breach.' },
      { fr: 'Quelles autorités prévenir, et dans quels délais (NIS2 : alerte précoce sous 24 h) ?', en: 'Which authorities must be told, and by when (NIS2: early warning within 24 h)?' },
      { fr: 'Que doivent faire les clients dès maintenant ?', en: 'What should customers do right now?' },
      whenWeSpeakNext,
    ],
    keyMessages: [
      { fr: 'Nos équipes de sécurité analysent l’incident, avec des experts extérieurs.', en: 'Our security teams are analysing the incident, with outside experts.' },
      { fr: 'Si vos données sont concernées, nous vous le dirons directement.', en: 'If your data is involved, we will tell you directly.' },
      sayWhatWeKnow,
    ],
    nextUpdateMinutes: 60,
  },
  {
    key: 'maintenance',
    kind: 'maintenance',
    label: { fr: 'Maintenance', en: 'Maintenance' },
    description: { fr: 'Une intervention planifiée, annoncée aux abonnés avant qu’elle commence.', en: 'Planned work, announced to subscribers before it starts.' },
    impact: 'none',
    suggestedName: { fr: 'Maintenance planifiée', en: 'Scheduled maintenance' },
    isPersonalDataBreach: false,
    questions: [
      { fr: 'Quelle intervention, sur quels services ?', en: 'What work, on which services?' },
      { fr: 'Quelle fenêtre : début et fin ?', en: 'What window: start and end?' },
      { fr: 'Que verront les clients pendant la fenêtre ?', en: 'What will customers see during the window?' },
      { fr: 'Quel retour arrière si l’intervention échoue ?', en: 'What is the way back if the work fails?' },
    ],
    keyMessages: [
      { fr: 'Nous prévenons avant, pendant et après la maintenance.', en: 'We tell you before, during and after the maintenance.' },
      { fr: 'Le service peut être indisponible pendant la fenêtre annoncée.', en: 'The service may be unavailable during the announced window.' },
    ],
    nextUpdateMinutes: null,
  },
];

export function incidentTemplates(): readonly IncidentTemplate[] {
  return catalog;
}

export function findIncidentTemplate(key: string): IncidentTemplate | undefined {
  return catalog.find((template) => template.key === key);
}
