import type { ContentItem, DeadlineId, SourceTag } from './regulatory.ts';

const item = (key: string, en: string, fr: string, isMandatory = true): ContentItem => ({ key, en, fr, isMandatory });
const nature = item('breach_nature', 'Nature of the breach, incl. categories of data subjects and records', 'Nature de la violation, y compris catégories de personnes et d\'enregistrements');
const contact = item('contact_point', 'DPO or other contact point', 'Délégué à la protection des données ou autre point de contact');
const consequences = item('likely_consequences', 'Likely consequences', 'Conséquences probables');
const measures = item('measures', 'Measures taken or proposed, incl. mitigation', 'Mesures prises ou envisagées, y compris pour en atténuer les effets');
const malicious = item('suspected_malicious', 'Suspected unlawful or malicious act (yes / no / unknown)', 'Acte illicite ou malveillant suspecté (oui / non / inconnu)');
const crossBorder = item('cross_border_impact', 'Cross-border impact (yes / no / unknown)', 'Impact transfrontière (oui / non / inconnu)');
const severity = item('severity_impact', 'Severity and impact', 'Gravité et impact');
const iocs = (isMandatory: boolean) => item('iocs', 'Indicators of compromise', 'Indicateurs de compromission', isMandatory);
const incident = item('incident_description', 'Description of the incident', 'Description de l\'incident');
export const lateReason = item('late_reason', 'Reasons for the delay', 'Motifs du retard');
const doraEvery = [
  item('submission_type', 'Submission type (initial, intermediate, final)', 'Type de soumission (initiale, intermédiaire, finale)'),
  item('entity', 'Financial entity: name, LEI, type', 'Entité financière : nom, LEI, type'),
  item('submitting_entity', 'Submitting entity', 'Entité déclarante'),
  item('contacts', 'Contact persons', 'Personnes de contact'),
  item('parent_undertaking', 'Parent undertaking, where applicable', 'Entreprise mère, le cas échéant', false),
  item('currency', 'Currency of amounts reported', 'Devise des montants déclarés'),
];

export interface Report {
  reportName: string;
  recipient: string;
  rule: string;
  tag: SourceTag;
  contentTag: SourceTag;
  content: readonly ContentItem[];
}

const nis2Authority = 'CSIRT / competent authority (ANSSI / CERT-FR)';
const doraAuthority = 'Financial competent authority';
/** Each report: whom it goes to, the rule it rests on and what it must contain (regulatory.md §1, §2.1–2.5). */
export const reports: Record<DeadlineId, Report> = {
  'gdpr.authority': { reportName: 'Personal data breach notification', recipient: 'Supervisory authority (CNIL)', rule: 'GDPR Art. 33(1): without undue delay, where feasible within 72 h of awareness; a later notification gives the reasons for the delay', tag: 'P', contentTag: 'P', content: [
    nature,
    item('data_subjects_approx', 'Approximate number of data subjects', 'Nombre approximatif de personnes concernées'),
    item('records_approx', 'Approximate number of records', 'Nombre approximatif d\'enregistrements'),
    contact, consequences, measures,
    item('breach_type', 'Breach type: confidentiality / integrity / availability', 'Type : confidentialité / intégrité / disponibilité', false),
    item('special_categories', 'Special-category data involved', 'Données sensibles concernées', false),
    item('encryption', 'Encryption or pseudonymisation in place', 'Chiffrement ou pseudonymisation en place', false),
    item('submission_phase', 'Initial or follow-up, with the previous submission', 'Initiale ou complémentaire, avec la notification précédente', false),
  ] },
  'gdpr.processor_to_controller': { reportName: 'Breach notice to the controller', recipient: 'The controller', rule: 'GDPR Art. 33(2): the processor notifies the controller without undue delay after becoming aware; it does not assess the risk', tag: 'P', contentTag: 'U', content: [
    nature, contact, item('measures', 'Measures taken so far', 'Mesures prises à ce stade', false),
  ] },
  'gdpr.data_subjects': { reportName: 'Communication to the data subjects', recipient: 'The data subjects', rule: 'GDPR Art. 34(1): likely high risk → communicate to the data subjects without undue delay (exemptions: Art. 34(3))', tag: 'P', contentTag: 'P', content: [
    item('plain_language', 'Clear and plain language', 'Langage clair et simple'),
    item('breach_nature', 'Nature of the breach', 'Nature de la violation'), contact, consequences, measures,
    item('self_protection_advice', 'Advice to protect themselves', 'Conseils pour se protéger', false),
    item('direct_channel', 'Direct channel (e-mail, SMS, letter), not only a press release', 'Canal direct (e-mail, SMS, courrier), pas seulement un communiqué', false),
  ] },
  'nis2.early_warning': { reportName: 'Early warning', recipient: nis2Authority, rule: 'NIS2 Art. 23(4)(a): early warning without undue delay and within 24 h of becoming aware of the significant incident', tag: 'P', contentTag: 'P', content: [
    malicious, crossBorder, item('entity_contact', 'Entity identity and contact', 'Identité et contact de l\'entité'),
  ] },
  'nis2.notification': { reportName: 'Incident notification', recipient: nis2Authority, rule: 'NIS2 Art. 23(4)(b): incident notification without undue delay and within 72 h of becoming aware of the significant incident', tag: 'P', contentTag: 'P', content: [
    item('early_warning_update', 'Update of the early warning', 'Mise à jour de l\'alerte précoce'), malicious, crossBorder,
    item('initial_assessment', 'Initial assessment: severity and impact', 'Évaluation initiale : gravité et impact'), iocs(false),
  ] },
  'nis2.progress': { reportName: 'Progress report', recipient: nis2Authority, rule: 'NIS2 Art. 23(4)(e): incident still ongoing 1 month after the notification → progress report then, final report 1 month after handling ends', tag: 'U', contentTag: 'U', content: [
    item('progress_status', 'Status of the incident and its handling', 'État de l\'incident et de son traitement'), severity,
    item('mitigation', 'Mitigation measures applied and ongoing', 'Mesures d\'atténuation appliquées et en cours'),
  ] },
  'nis2.final': { reportName: 'Final report', recipient: nis2Authority, rule: 'NIS2 Art. 23(4)(d): final report no later than 1 month after the incident notification', tag: 'U', contentTag: 'P', content: [
    item('detailed_description', 'Detailed description of the incident', 'Description détaillée de l\'incident'), severity,
    item('threat_or_root_cause', 'Type of threat or root cause', 'Type de menace ou cause première'),
    item('mitigation', 'Mitigation measures applied and ongoing', 'Mesures d\'atténuation appliquées et en cours'), crossBorder,
  ] },
  'nis2.recipients': { reportName: 'Notice to recipients of the service', recipient: 'Recipients of the service', rule: 'NIS2 Art. 23(1)-(2): without undue delay, where appropriate, the recipients of the service are told of the incident and of the measures or remedies they can take', tag: 'P', contentTag: 'P', content: [
    incident, item('remedies', 'Measures or remedies they can take', 'Mesures ou correctifs qu\'ils peuvent appliquer'),
  ] },
  'dora.initial': { reportName: 'Initial notification', recipient: doraAuthority, rule: 'DORA Art. 19(4)(a), RTS 2025/301 Art. 5(1)(a): within 4 h of classification as major, no later than 24 h from awareness', tag: 'P', contentTag: 'P', content: [
    ...doraEvery,
    item('incident_reference', 'Incident reference code', 'Référence de l\'incident'),
    item('detected_at', 'Date and time of detection', 'Date et heure de détection'),
    item('classification', 'Classification and criteria met', 'Classification et critères remplis'),
    incident,
    item('member_states', 'Member States impacted', 'États membres touchés'),
    item('discovery', 'How the incident was discovered', 'Comment l\'incident a été découvert'),
    item('origin', 'Origin of the incident', 'Origine de l\'incident'),
    item('bcp_activated', 'Business continuity plan activated', 'Plan de continuité activé'),
    item('reclassification', 'Reclassification from major to non-major', 'Reclassement de majeur à non majeur', false),
  ] },
  'dora.intermediate': { reportName: 'Intermediate report', recipient: doraAuthority, rule: 'DORA Art. 19(4)(b), RTS 2025/301 Art. 5(1)(b): within 72 h of the initial notification\'s submission, even if nothing changed; an updated one once regular activities are recovered', tag: 'P', contentTag: 'P', content: [
    ...doraEvery,
    item('authority_reference', 'Reference given by the authority', 'Référence attribuée par l\'autorité'),
    item('occurred_recovered', 'Occurrence and recovery date and time', 'Date et heure de survenance et de rétablissement'),
    item('incident_type', 'Incident type', 'Type d\'incident'),
    item('threats_techniques', 'Threats and techniques used', 'Menaces et techniques utilisées'),
    item('affected', 'Affected functions, processes and infrastructure', 'Fonctions, processus et infrastructures touchés'),
    item('client_impact', 'Impact on clients\' financial interests', 'Impact sur les intérêts financiers des clients'),
    item('other_authorities', 'Other authorities informed', 'Autres autorités informées'),
    item('temporary_recovery', 'Temporary recovery actions', 'Actions de rétablissement temporaires'), iocs(false),
  ] },
  'dora.final': { reportName: 'Final report', recipient: doraAuthority, rule: 'DORA Art. 19(4)(c), RTS 2025/301 Art. 5(1)(c): no later than 1 month after the latest intermediate report', tag: 'U', contentTag: 'P', content: [
    ...doraEvery,
    item('root_causes', 'Root causes', 'Causes premières'),
    item('resolved_times', 'Resolution and root-cause-addressed date and time', 'Dates et heures de résolution et de traitement de la cause'),
    item('resolution', 'How the incident was resolved', 'Comment l\'incident a été résolu'),
    item('costs', 'Direct and indirect costs, losses and recoveries', 'Coûts et pertes directs et indirects, recouvrements'),
    item('recurrence', 'Recurring incident', 'Incident récurrent'),
  ] },
  'dora.clients': { reportName: 'Notice to clients', recipient: 'Clients', rule: 'DORA Art. 19(3): a major incident affecting clients\' financial interests → inform them without undue delay', tag: 'P', contentTag: 'P', content: [
    incident, item('mitigation', 'Measures taken to mitigate its effects', 'Mesures prises pour en atténuer les effets'),
  ] },
  'eprivacy.initial': { reportName: 'Initial breach notification', recipient: 'National authority (CNIL)', rule: 'Reg. (EU) 611/2013 Art. 2(2): within 24 h of detecting the personal data breach, where feasible', tag: 'S', contentTag: 'S', content: [
    item('provider', 'Provider name and contact (DPO)', 'Nom et contact du fournisseur (DPO)'),
    item('incident_times', 'Date and time of the incident and of its detection', 'Dates et heures de l\'incident et de sa détection'),
    item('circumstances', 'Circumstances of the breach', 'Circonstances de la violation'),
    item('data_nature', 'Nature and content of the personal data', 'Nature et contenu des données personnelles'), measures,
  ] },
  'eprivacy.second': { reportName: 'Second breach notification', recipient: 'National authority (CNIL)', rule: 'Reg. (EU) 611/2013 Art. 2(3): an incomplete initial notification is completed within 3 days of it', tag: 'S', contentTag: 'S', content: [
    item('summary', 'Summary of the incident', 'Résumé de l\'incident'),
    item('subscribers_approx', 'Number of subscribers or individuals concerned', 'Nombre d\'abonnés ou de personnes concernés'), consequences, measures,
    item('subscriber_notice', 'Notice to subscribers: content, means, number notified', 'Information des abonnés : contenu, moyen, nombre', false),
  ] },
  'fr.anssi': { reportName: 'Incident declaration (OIV/OSE)', recipient: 'ANSSI / CERT-FR', rule: 'Code de la défense L1332-6-2 and law 2018-133 art. 7: "sans délai" after becoming aware; complete as causes and consequences become known', tag: 'P', contentTag: 'U', content: [
    incident, item('consequences', 'Known consequences', 'Conséquences connues'), item('causes', 'Known causes', 'Causes connues', false),
  ] },
  'fr.telecom': { reportName: 'Security incident declaration (telecom)', recipient: 'Ministry of the Interior (+ ANSSI if of computer origin)', rule: 'CPCE D98-5 III: "dès qu\'ils en ont connaissance", a security incident with significant impact', tag: 'P', contentTag: 'U', content: [
    incident, item('impact', 'Impact on networks and services', 'Impact sur les réseaux et services'),
    item('computer_origin', 'Computer origin (then ANSSI too)', 'Origine informatique (alors aussi l\'ANSSI)'),
  ] },
  'fr.health': { reportName: 'Serious IS security incident declaration', recipient: 'ARS, via the adverse-events portal', rule: 'CSP L.1111-8-2: serious information-system security incidents declared "sans délai"', tag: 'P', contentTag: 'P', content: [
    incident,
    item('patient_safety', 'Consequences for patient safety', 'Conséquences sur la sécurité des patients'),
    item('confidentiality_integrity', 'Consequences for data confidentiality and integrity', 'Conséquences sur la confidentialité et l\'intégrité des données'),
    item('functioning', 'Consequences for the functioning of the organisation', 'Conséquences sur le fonctionnement de la structure'),
  ] },
};

const nis2AuthorityFr = 'CSIRT / autorité compétente (ANSSI / CERT-FR)';
const doraAuthorityFr = 'Autorité financière compétente';
/** Each report's name and recipient in French, for the forms and their exports (`reports` holds the English). */
export const reportsFr: Record<DeadlineId, Pick<Report, 'reportName' | 'recipient'>> = {
  'gdpr.authority': { reportName: 'Notification de violation de données personnelles', recipient: 'Autorité de contrôle (CNIL)' },
  'gdpr.processor_to_controller': { reportName: 'Notification de la violation au responsable du traitement', recipient: 'Le responsable du traitement' },
  'gdpr.data_subjects': { reportName: 'Communication aux personnes concernées', recipient: 'Les personnes concernées' },
  'nis2.early_warning': { reportName: 'Alerte précoce', recipient: nis2AuthorityFr },
  'nis2.notification': { reportName: 'Notification d\'incident', recipient: nis2AuthorityFr },
  'nis2.progress': { reportName: 'Rapport d\'avancement', recipient: nis2AuthorityFr },
  'nis2.final': { reportName: 'Rapport final', recipient: nis2AuthorityFr },
  'nis2.recipients': { reportName: 'Information des destinataires du service', recipient: 'Destinataires du service' },
  'dora.initial': { reportName: 'Notification initiale', recipient: doraAuthorityFr },
  'dora.intermediate': { reportName: 'Rapport intermédiaire', recipient: doraAuthorityFr },
  'dora.final': { reportName: 'Rapport final', recipient: doraAuthorityFr },
  'dora.clients': { reportName: 'Information des clients', recipient: 'Clients' },
  'eprivacy.initial': { reportName: 'Notification initiale de violation', recipient: 'Autorité nationale (CNIL)' },
  'eprivacy.second': { reportName: 'Seconde notification de violation', recipient: 'Autorité nationale (CNIL)' },
  'fr.anssi': { reportName: 'Déclaration d\'incident (OIV/OSE)', recipient: 'ANSSI / CERT-FR' },
  'fr.telecom': { reportName: 'Déclaration d\'incident de sécurité (télécoms)', recipient: 'Ministère de l\'Intérieur (+ ANSSI si d\'origine informatique)' },
  'fr.health': { reportName: 'Déclaration d\'incident grave de sécurité des SI', recipient: 'ARS, via le portail de signalement des événements indésirables' },
};
