import type { DateTime } from 'luxon';
import type { ComponentStatus } from '../domain/component/status.ts';
import type { IncidentStatus } from '../domain/incident/lifecycle.ts';
import type { MaintenanceStatus } from '../domain/maintenance/lifecycle.ts';
import type { RollupKey } from './html/rollup.ts';
import type { PublicPage } from './snapshot.ts';

export type Language = PublicPage['language'];

export interface CorrectionsText {
  title: string;
  /** Under the log page's heading: what the page is for. */
  intro: string;
  said: string;
  truth: string;
  when: string;
  none: string;
  /** On an incident's page: the link to the page-wide log. */
  fullLog: string;
}

/** Wraps a formatted instant, e.g. in `<time datetime>`; the text decides the words around it. */
export type Tag<T> = (at: DateTime, text: string) => T;

/**
 * Every fixed text of the public status page. Phrases that hold a date take the instant and a
 * `tag`, and return their parts in reading order, so a renderer can mark the date up.
 */
export interface PageText {
  /** For luxon's `setLocale` and `Intl`. */
  locale: string;
  componentStatus: Record<ComponentStatus, string>;
  incidentStatus: Record<IncidentStatus, string>;
  maintenanceStatus: Record<MaintenanceStatus, string>;
  /** The banner: what the page says about everything at once. */
  rollup: Record<RollupKey, string>;
  noData: string;

  dateTime(at: DateTime): string;
  date(at: DateTime): string;
  time(at: DateTime): string;
  /** A month as a heading: "March 2026", « Mars 2026 ». */
  month(at: DateTime): string;
  duration(minutes: number): string;
  percent(value: number): string;

  skipLink: string;
  navLabel: string;
  navStatus: string;
  navHistory: string;
  navMaintenances: string;
  updatedAt<T>(at: DateTime, tag: Tag<T>): Array<string | T>;
  timeZoneNote(zone: string): string;
  follow: string;
  poweredBy: string;

  ongoingIncidents: string;
  activeMaintenances: string;
  upcomingMaintenances: string;
  services: string;
  otherServices: string;
  noServices: string;
  recentIncidents: string;
  noRecentIncidents(days: number): string;
  fullHistory: string;

  /** The promise of the next update, in the page's time zone; the date only when it is not today. */
  nextUpdate<T>(at: DateTime, isSameDay: boolean, tag: Tag<T>): Array<string | T>;
  affects: string;
  started: string;
  resolved: string;
  durationLabel: string;
  timeline: string;
  /** The corrections log: what was said, what is true, when. */
  corrections: CorrectionsText;
  window<T>(from: DateTime, to: DateTime, tag: Tag<T>): Array<string | T>;

  uptime(percent: string): string;
  uptimeWindow(percent: string | null, days: number): string;
  daysAgo(days: number): string;
  today: string;
  legend: string;
  noDowntime: string;
  /** Summary of the list of a component's days that were not fully operational. */
  disruptedDays(count: number): string;
  related(count: number): string;
  /** "Mar 17, 2026: Major outage (45 min)", with each language's spacing before the colon. */
  labelled(label: string, detail: string): string;

  historyTitle: string;
  noIncidents: string;
  noIncidentsThisMonth: string;
  pagination: string;
  newer: string;
  older: string;
  pageOf(page: number, total: number): string;

  maintenancesTitle: string;
  noMaintenances: string;
  /** Monday first. */
  weekdays: { short: string; long: string }[];
  todayMark: string;

  widgetTitle: string;

  subscribeTitle: string;
  subscribeLead: string;
  subscribeAddress: string;
  subscribeLanguage: string;
  subscribeButton: string;
}

/** French spacing: a narrow no-break space before « ; : ! ? % » and inside guillemets. */
const nnbsp = '\u202f';

function enDuration(minutes: number): string {
  const total = Math.max(1, Math.round(minutes));
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} hr` : `${hours} hr ${rest} min`;
}

function frDuration(minutes: number): string {
  const total = Math.max(1, Math.round(minutes));
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return `${rest}\u00a0min`;
  return rest === 0 ? `${hours}\u00a0h` : `${hours}\u00a0h\u00a0${String(rest).padStart(2, '0')}`;
}

function percentFormat(locale: string) {
  const fraction = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const whole = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  // Rounded down: 99.996 % must not read as 100 %, which means no downtime at all.
  return (value: number) => (value >= 100 ? whole.format(1) : fraction.format(Math.floor(value * 100) / 10_000));
}

/** « 1er avril », « 2 avril »: French writes the first day of a month as an ordinal. */
const frDay = (at: DateTime) => (at.day === 1 ? '1er' : String(at.day));
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const en: PageText = {
  locale: 'en',
  componentStatus: {
    operational: 'Operational',
    degraded_performance: 'Degraded performance',
    partial_outage: 'Partial outage',
    major_outage: 'Major outage',
    under_maintenance: 'Under maintenance',
  },
  incidentStatus: { investigating: 'Investigating', identified: 'Identified', monitoring: 'Monitoring', resolved: 'Resolved', postmortem: 'Postmortem' },
  maintenanceStatus: { scheduled: 'Scheduled', in_progress: 'In progress', verifying: 'Verifying', completed: 'Completed' },
  rollup: {
    operational: 'All systems operational',
    partially_degraded: 'Some services are degraded',
    degraded: 'Services are degraded',
    minor_outage: 'Some services are partly unavailable',
    partial_outage: 'Some services are unavailable',
    major_outage: 'Services are unavailable',
    maintenance: 'Maintenance in progress',
  },
  noData: 'No data',

  dateTime: (at) => at.setLocale('en').toFormat("MMM d, yyyy 'at' h:mm a"),
  date: (at) => at.setLocale('en').toFormat('MMM d, yyyy'),
  time: (at) => at.setLocale('en').toFormat('h:mm a'),
  month: (at) => at.setLocale('en').toFormat('LLLL yyyy'),
  duration: enDuration,
  percent: percentFormat('en'),

  skipLink: 'Skip to main content',
  navLabel: 'Status page',
  navStatus: 'Current status',
  navHistory: 'Incident history',
  navMaintenances: 'Maintenance calendar',
  updatedAt: (at, tag) => ['Updated ', tag(at, en.dateTime(at))],
  timeZoneNote: (zone) => `Times are shown in the ${zone} time zone.`,
  follow: 'Follow updates:',
  poweredBy: 'Published with Tocsin',

  ongoingIncidents: 'Ongoing incidents',
  activeMaintenances: 'Maintenance in progress',
  upcomingMaintenances: 'Upcoming maintenance',
  services: 'Services',
  otherServices: 'Other services',
  noServices: 'No services are listed on this page yet.',
  recentIncidents: 'Recent incidents',
  noRecentIncidents: (days) => `No incidents in the last ${days} days.`,
  fullHistory: 'Full incident history',

  nextUpdate: (at, isSameDay, tag) => ['Next update by ', tag(at, isSameDay ? en.time(at) : at.setLocale('en').toFormat("MMM d 'at' h:mm a"))],
  affects: 'Affects',
  started: 'Started',
  resolved: 'Resolved',
  durationLabel: 'Duration',
  timeline: 'Updates',
  corrections: {
    title: 'Corrections',
    intro: 'False information about our incidents, corrected as soon as we learn of it: what was said, what is true, and when we published the correction.',
    said: 'What was said',
    truth: 'What is true',
    when: 'Corrected',
    none: 'No corrections have been published.',
    fullLog: 'All corrections',
  },
  window: (from, to, tag) =>
    from.hasSame(to, 'day')
      ? [tag(from, en.dateTime(from)), ' – ', tag(to, en.time(to))]
      : [tag(from, en.dateTime(from)), ' – ', tag(to, en.dateTime(to))],

  uptime: (percent) => `${percent} uptime`,
  uptimeWindow: (percent, days) => (percent === null ? `Last ${days} days: no data` : `Last ${days} days: ${percent} uptime`),
  daysAgo: (days) => `${days} days ago`,
  today: 'Today',
  legend: 'Legend',
  noDowntime: 'no downtime',
  disruptedDays: (count) => (count === 1 ? '1 day with downtime or maintenance' : `${count} days with downtime or maintenance`),
  related: (count) => (count === 1 ? 'Related incident:' : 'Related incidents:'),
  labelled: (label, detail) => `${label}: ${detail}`,

  historyTitle: 'Incident history',
  noIncidents: 'No incidents have been reported.',
  noIncidentsThisMonth: 'No incidents reported this month.',
  pagination: 'Pages',
  newer: 'Newer',
  older: 'Older',
  pageOf: (page, total) => `Page ${page} of ${total}`,

  maintenancesTitle: 'Maintenance calendar',
  noMaintenances: 'No maintenance has been scheduled.',
  weekdays: [
    { short: 'Mon', long: 'Monday' },
    { short: 'Tue', long: 'Tuesday' },
    { short: 'Wed', long: 'Wednesday' },
    { short: 'Thu', long: 'Thursday' },
    { short: 'Fri', long: 'Friday' },
    { short: 'Sat', long: 'Saturday' },
    { short: 'Sun', long: 'Sunday' },
  ],
  todayMark: 'today',

  widgetTitle: 'Current status',

  subscribeTitle: 'Get updates',
  subscribeLead: 'By e-mail or text message. We first send a message to confirm; each update tells you how to unsubscribe.',
  subscribeAddress: 'E-mail address or mobile number',
  subscribeLanguage: 'Language',
  subscribeButton: 'Subscribe',
};

const fr: PageText = {
  locale: 'fr',
  componentStatus: {
    operational: 'Fonctionne normalement',
    degraded_performance: 'Performances dégradées',
    partial_outage: 'Partiellement indisponible',
    major_outage: 'Indisponible',
    under_maintenance: 'En maintenance',
  },
  incidentStatus: { investigating: 'Recherche en cours', identified: 'Cause identifiée', monitoring: 'Sous surveillance', resolved: 'Résolu', postmortem: 'Analyse après incident' },
  maintenanceStatus: { scheduled: 'Prévue', in_progress: 'En cours', verifying: 'Vérifications en cours', completed: 'Terminée' },
  // Descriptive rather than labels: the doctrine bans « panne majeure » and « incident critique ».
  rollup: {
    operational: 'Tous les services fonctionnent normalement',
    partially_degraded: 'Certains services sont ralentis',
    degraded: 'Les services sont ralentis',
    minor_outage: 'Certains services sont en partie indisponibles',
    partial_outage: 'Certains services sont indisponibles',
    major_outage: 'Les services sont indisponibles',
    maintenance: 'Maintenance en cours',
  },
  noData: 'Pas de données',

  dateTime: (at) => at.setLocale('fr').toFormat(`'${frDay(at)}' MMMM yyyy 'à' HH:mm`),
  date: (at) => at.setLocale('fr').toFormat(`'${frDay(at)}' MMMM yyyy`),
  time: (at) => at.toFormat('HH:mm'),
  month: (at) => capitalize(at.setLocale('fr').toFormat('LLLL yyyy')),
  duration: frDuration,
  percent: percentFormat('fr'),

  skipLink: 'Aller au contenu principal',
  navLabel: 'Page d’état',
  navStatus: 'État actuel',
  navHistory: 'Historique des incidents',
  navMaintenances: 'Calendrier des maintenances',
  updatedAt: (at, tag) => ['Mis à jour le ', tag(at, fr.dateTime(at))],
  timeZoneNote: (zone) => `Heures données dans le fuseau horaire ${zone}.`,
  follow: `Suivre les mises à jour${nnbsp}:`,
  poweredBy: 'Publié avec Tocsin',

  ongoingIncidents: 'Incidents en cours',
  activeMaintenances: 'Maintenances en cours',
  upcomingMaintenances: 'Maintenances prévues',
  services: 'Services',
  otherServices: 'Autres services',
  noServices: 'Aucun service n’est encore présenté sur cette page.',
  recentIncidents: 'Incidents récents',
  noRecentIncidents: (days) => `Aucun incident ces ${days} derniers jours.`,
  fullHistory: 'Tout l’historique des incidents',

  nextUpdate: (at, isSameDay, tag) =>
    isSameDay ? ['Prochain point à ', tag(at, fr.time(at))] : ['Prochain point le ', tag(at, at.setLocale('fr').toFormat(`'${frDay(at)}' MMMM 'à' HH:mm`))],
  affects: 'Services concernés',
  started: 'Début',
  resolved: 'Fin',
  durationLabel: 'Durée',
  timeline: 'Chronologie',
  corrections: {
    title: 'Rectifications',
    intro: `Les informations erronées sur nos incidents, rectifiées dès que nous en avons connaissance${nnbsp}: ce qui a été dit, ce qui est vrai, et quand nous l’avons rectifié.`,
    said: 'Ce qui a été dit',
    truth: 'Ce qui est vrai',
    when: 'Rectifié le',
    none: 'Aucune rectification n’a été publiée.',
    fullLog: 'Toutes les rectifications',
  },
  window: (from, to, tag) =>
    from.hasSame(to, 'day')
      ? ['le ', tag(from, fr.date(from)), ' de ', tag(from, fr.time(from)), ' à ', tag(to, fr.time(to))]
      : ['du ', tag(from, fr.dateTime(from)), ' au ', tag(to, fr.dateTime(to))],

  uptime: (percent) => `${percent} de disponibilité`,
  uptimeWindow: (percent, days) => (percent === null ? `${days} derniers jours${nnbsp}: pas de données` : `${days} derniers jours${nnbsp}: ${percent} de disponibilité`),
  daysAgo: (days) => `Il y a ${days} jours`,
  today: 'Aujourd’hui',
  legend: 'Légende',
  noDowntime: 'aucune interruption',
  disruptedDays: (count) => (count === 1 ? '1 jour d’interruption ou de maintenance' : `${count} jours d’interruption ou de maintenance`),
  related: (count) => (count === 1 ? `Incident lié${nnbsp}:` : `Incidents liés${nnbsp}:`),
  labelled: (label, detail) => `${label}${nnbsp}: ${detail}`,

  historyTitle: 'Historique des incidents',
  noIncidents: 'Aucun incident n’a été signalé.',
  noIncidentsThisMonth: 'Aucun incident signalé ce mois-ci.',
  pagination: 'Pages',
  newer: 'Plus récents',
  older: 'Plus anciens',
  pageOf: (page, total) => `Page ${page} sur ${total}`,

  maintenancesTitle: 'Calendrier des maintenances',
  noMaintenances: 'Aucune maintenance n’a été planifiée.',
  weekdays: [
    { short: 'lun.', long: 'lundi' },
    { short: 'mar.', long: 'mardi' },
    { short: 'mer.', long: 'mercredi' },
    { short: 'jeu.', long: 'jeudi' },
    { short: 'ven.', long: 'vendredi' },
    { short: 'sam.', long: 'samedi' },
    { short: 'dim.', long: 'dimanche' },
  ],
  todayMark: 'aujourd’hui',

  widgetTitle: 'État actuel',

  subscribeTitle: 'Recevoir les mises à jour',
  subscribeLead: 'Par e-mail ou par SMS. Nous envoyons d’abord un message de confirmation ; chaque mise à jour indique comment vous désabonner.',
  subscribeAddress: 'Adresse e-mail ou numéro de mobile',
  subscribeLanguage: 'Langue',
  subscribeButton: 'M’abonner',
};

const texts: Record<Language, PageText> = { en, fr };

export function textFor(language: Language): PageText {
  return texts[language];
}
