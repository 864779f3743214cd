import type { LintLanguage } from '../linter/index.ts';
import { asSentence, formatClock, formatCount, formatDate, formatList } from '../message/format.ts';
import { riskDecision, type GdprRisk } from './regulatory.ts';

/** GDPR Art. 34(3): (a) data unintelligible (encryption), (b) later measures removed the high risk, (c) disproportionate effort. */
export const exemptionCodes = ['encrypted', 'subsequent_measures', 'disproportionate_effort'] as const;
export type ExemptionCode = (typeof exemptionCodes)[number];
export interface Exemption {
  code: ExemptionCode;
  justification: string;
}

/** The audience a processor's breach notices are written for: its customers' data protection officers. */
export const controllersAudience = 'controllers';
export const controllersAudienceName = { fr: 'Responsables de traitement (clients)', en: 'Data controllers (customers)' } as const;
/** The dedupe key of a controller's copy of a message: one per message and controller, however often it is published. */
export const controllerDeliveryKey = (messageId: string, controllerId: string) => `m:${messageId}:controller:${controllerId}`;

export interface BreachDecision {
  isRiskAssessed: boolean;
  shouldNotifyAuthority: boolean;
  /** High risk: the people concerned must be told (Art. 34(1)), unless an exemption waives it. */
  isDataSubjectsCommunicationRequired: boolean;
  shouldInformDataSubjects: boolean;
  dataSubjectsWaivedBy: ExemptionCode | null;
  /** Art. 34(3)(c): a public communication replaces telling each person. */
  needsPublicCommunication: boolean;
}

/**
 * What the law asks for a breach, derived from the risk assessment and the exemptions recorded;
 * not assessed counts as "risk" ("if in doubt, notify"). An exemption waives only the communication
 * to the people, and only at high risk; (a) and (b) waive it outright, (c) for a public communication.
 */
export function breachDecision(risk: GdprRisk | null, exemptions: readonly Exemption[]): BreachDecision {
  const byRisk = riskDecision(risk ?? undefined);
  const waiver = byRisk.shouldInformDataSubjects ? (exemptionCodes.find((code) => exemptions.some((e) => e.code === code)) ?? null) : null;
  return {
    isRiskAssessed: risk !== null,
    shouldNotifyAuthority: byRisk.shouldNotifyAuthority,
    isDataSubjectsCommunicationRequired: byRisk.shouldInformDataSubjects,
    shouldInformDataSubjects: byRisk.shouldInformDataSubjects && waiver === null,
    dataSubjectsWaivedBy: waiver,
    needsPublicCommunication: waiver === 'disproportionate_effort',
  };
}

/** One breach as the register holds it, with what was done about it. */
export interface BreachEntryFacts {
  awareAt: Date | null;
  risk: GdprRisk | null;
  exemptions: readonly Exemption[];
  description: string | null;
  dataCategories: readonly string[];
  subjectsApprox: number | null;
  recordsApprox: number | null;
  consequences: string | null;
  measures: string | null;
  authorityNotifiedAt: Date | null;
  dataSubjectsInformedAt: Date | null;
  /** Which duties the workspace has for this breach: a processor's is to tell its controllers. */
  duties: { controller: boolean; processor: boolean };
  /** Null for a standalone breach: only an incident's breach has controllers to notify here. */
  controllersNotifiedAt?: Date | null;
  /** An incident's breach whose fact sheet no longer says it is one. */
  isUnflagged?: boolean;
}

export const breachGapCodes = [
  'no_longer_flagged', 'awareness_missing', 'risk_not_assessed', 'facts_missing', 'categories_missing', 'counts_missing',
  'consequences_missing', 'measures_missing', 'authority_not_notified', 'data_subjects_not_informed', 'controllers_not_notified',
] as const;
export type BreachGapCode = (typeof breachGapCodes)[number];
export interface BreachGap {
  code: BreachGapCode;
  en: string;
  fr: string;
}

const hourMs = 3_600_000;

/** What the register still lacks for a breach, or what was decided and not done, at `now`. */
export function breachGaps(entry: BreachEntryFacts, now: Date): BreachGap[] {
  const gaps: BreachGap[] = [];
  const gap = (code: BreachGapCode, en: string, fr: string) => gaps.push({ code, en, fr });
  const blank = (text: string | null) => text === null || text.trim() === '';
  const decision = breachDecision(entry.risk, entry.exemptions);
  if (entry.isUnflagged) {
    gap('no_longer_flagged', 'The fact sheet no longer flags a personal-data breach: flag it again, or say in the decision notes why this is not one.', 'La fiche de faits ne signale plus de violation de données personnelles : signalez-la de nouveau, ou expliquez dans les notes pourquoi ce n\'en est pas une.');
  }
  if (!entry.awareAt) gap('awareness_missing', 'When the breach became known is not set: every deadline runs from it.', 'La date de prise de connaissance n\'est pas renseignée : toutes les échéances en dépendent.');
  if (!decision.isRiskAssessed) gap('risk_not_assessed', 'The risk is not assessed: until it is, the authority is to be notified ("if in doubt, notify").', 'Le risque n\'est pas évalué : d\'ici là, l\'autorité doit être notifiée (« dans le doute, notifier »).');
  // GDPR Art. 33(5): the register holds the facts, the effects and the remedial action.
  if (blank(entry.description)) gap('facts_missing', 'The facts of the breach are not described.', 'Les faits de la violation ne sont pas décrits.');
  if (entry.dataCategories.length === 0) gap('categories_missing', 'The categories of data concerned are not listed.', 'Les catégories de données concernées ne sont pas listées.');
  if (entry.subjectsApprox === null && entry.recordsApprox === null) gap('counts_missing', 'Neither the approximate number of people nor of records is given.', 'Ni le nombre approximatif de personnes ni celui d\'enregistrements ne sont indiqués.');
  if (blank(entry.consequences)) gap('consequences_missing', 'The likely consequences are not described.', 'Les conséquences probables ne sont pas décrites.');
  if (blank(entry.measures)) gap('measures_missing', 'The measures taken or proposed are not described.', 'Les mesures prises ou envisagées ne sont pas décrites.');
  if (entry.duties.controller && decision.shouldNotifyAuthority && !entry.authorityNotifiedAt) {
    const dueAt = entry.awareAt ? new Date(entry.awareAt.getTime() + 72 * hourMs) : null;
    const overdue = dueAt !== null && now > dueAt;
    gap(
      'authority_not_notified',
      `The authority is to be notified and no notification is recorded${dueAt ? (overdue ? `: overdue since ${dueAt.toISOString()}, the reasons for the delay are owed` : `: due by ${dueAt.toISOString()}`) : ''}.`,
      `L'autorité doit être notifiée et aucune notification n'est enregistrée${dueAt ? (overdue ? ` : en retard depuis ${dueAt.toISOString()}, les raisons du retard sont à donner` : ` : à faire avant ${dueAt.toISOString()}`) : ''}.`,
    );
  }
  if (entry.duties.controller && decision.shouldInformDataSubjects && !entry.dataSubjectsInformedAt) {
    gap('data_subjects_not_informed', 'High risk and no exemption: the people concerned are to be told without undue delay, and no communication is recorded.', 'Risque élevé sans exemption : les personnes concernées doivent être informées dans les meilleurs délais, et aucune communication n\'est enregistrée.');
  }
  if (entry.duties.processor && entry.controllersNotifiedAt === null) {
    gap('controllers_not_notified', 'As processor, the workspace tells its controllers without undue delay (Art. 33(2)): no notice is recorded.', 'En tant que sous-traitant, l\'espace informe ses responsables de traitement dans les meilleurs délais (art. 33.2) : aucun avis n\'est enregistré.');
  }
  return gaps;
}

/** What a processor knows of a breach when it tells its controllers (GDPR Art. 33(2)). */
export interface ControllerNoticeFacts {
  company: string;
  incidentName: string;
  timeZone: string;
  awareAt: Date | null;
  components: readonly string[];
  /** Confirmed facts, oldest first; a null language is taken as written in any. */
  known: ReadonlyArray<{ text: string; language: LintLanguage | null }>;
  dataCategories: readonly string[];
  subjectsApprox: number | null;
  recordsApprox: number | null;
  measures: string | null;
  referent: { name: string; email: string } | null;
}

const toFill = (label: string, language: LintLanguage) => (language === 'fr' ? `[à compléter : ${label}]` : `[to fill: ${label}]`);

/**
 * The notice a processor sends its controllers, in one language: the nature of the breach from the
 * confirmed facts, when it became known, the data and numbers, the measures so far and the contact
 * point. No risk assessment: the controller makes it. What is unknown is left marked to fill.
 */
export function controllerNotice(facts: ControllerNoticeFacts, language: LintLanguage, now: Date): { subject: string; body: string } {
  const fr = language === 'fr';
  const inLanguage = facts.known.filter((k) => k.language === language || k.language === null);
  const known = (inLanguage.length > 0 ? inLanguage : facts.known).map((k) => asSentence(k.text)).filter(Boolean);
  const nature = known.length > 0 ? known.join(' ') : toFill(fr ? 'ce qui s\'est passé' : 'what happened', language);
  const aware = facts.awareAt
    ? `${formatDate(facts.awareAt, language, facts.timeZone, now)} ${fr ? 'à' : 'at'} ${formatClock(facts.awareAt, language, facts.timeZone)}`
    : toFill(fr ? 'date de prise de connaissance' : 'when we became aware', language);
  const components = facts.components.length > 0 ? formatList(facts.components, language) : toFill(fr ? 'services concernés' : 'services concerned', language);
  const categories = facts.dataCategories.length > 0 ? formatList(facts.dataCategories, language) : toFill(fr ? 'données concernées' : 'data concerned', language);
  const about = (value: number) => `${fr ? 'environ' : 'about'} ${formatCount(value, language)}`;
  const colon = fr ? ' : ' : ': ';
  const counts = [
    facts.subjectsApprox !== null ? `${fr ? 'personnes concernées' : 'people concerned'}${colon}${about(facts.subjectsApprox)}` : null,
    facts.recordsApprox !== null ? `${fr ? 'enregistrements' : 'records'}${colon}${about(facts.recordsApprox)}` : null,
  ].filter((part) => part !== null);
  const numbers = counts.length > 0 ? asSentence(counts.join(fr ? ' ; ' : '; ')) : toFill(fr ? 'nombre de personnes et d\'enregistrements' : 'number of people and records', language);
  const measures = facts.measures?.trim() ? asSentence(facts.measures) : toFill(fr ? 'mesures prises' : 'measures taken', language);
  const contact = facts.referent ? `${facts.referent.name}${colon}${facts.referent.email}` : toFill(fr ? 'référent et son adresse' : 'referent and their address', language);
  if (fr) {
    return {
      subject: `${facts.company} : violation de données chez votre sous-traitant`,
      body: `Madame, Monsieur,

${facts.company} traite des données personnelles pour votre compte. En tant que sous-traitant (RGPD, art. 33.2), nous vous informons sans délai d'une violation de données personnelles : ${facts.incidentName}.

Ce qui s'est passé : ${nature}
Date à laquelle nous en avons eu connaissance : ${aware}.
Services concernés : ${components}.
Données concernées, en l'état de nos connaissances : ${categories}.
${numbers}

Mesures prises à ce stade : ${measures}

Il vous revient, en tant que responsable du traitement, d'évaluer le risque pour les personnes concernées : nous vous recommandons de le faire dès maintenant, car une notification à votre autorité de contrôle est due dans les 72 heures après que vous en avez pris connaissance. Nous vous transmettrons les compléments d'information au fur et à mesure.

Pour toute question, contactez notre référent pour cet incident, ${contact}.`,
    };
  }
  return {
    subject: `${facts.company}: personal data breach in data we process for you`,
    body: `Dear data protection officer,

${facts.company} processes personal data on your behalf. As your processor (GDPR Art. 33(2)), we inform you without undue delay of a personal data breach: ${facts.incidentName}.

What happened: ${nature}
When we became aware of it: ${aware}.
Services concerned: ${components}.
Data concerned, as far as we know: ${categories}.
${numbers}

Measures taken so far: ${measures}

Whether the breach is a risk for the people concerned is for you, as controller, to assess: we recommend that you do so now, since a notification to your supervisory authority is due within 72 hours of your becoming aware of it. We will send further information in phases as we learn more.

For any question, contact our referent for this incident, ${contact}.`,
  };
}
