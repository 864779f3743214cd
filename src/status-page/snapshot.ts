import type { ComponentStatus } from '../domain/component/status.ts';
import type { Impact, IncidentStatus } from '../domain/incident/lifecycle.ts';
import type { MaintenanceStatus } from '../domain/maintenance/lifecycle.ts';

/**
 * Everything a public status page may show, and nothing else: the allow-listed projection the
 * renderers read. Built by `services/status-page/build-snapshot.ts`; no renderer sees a row.
 * Times are Date objects; renderers format them in the page's time zone and language.
 */
export interface PublicSnapshot {
  /** The instant the page describes (uptime bars end here, "upcoming" is after it). */
  generatedAt: Date;
  page: PublicPage;
  /** By position; each lists its components' ids by position. */
  groups: PublicGroup[];
  /** By position, grouped or not. */
  components: PublicComponent[];
  /** Every published incident of the page, newest first (`createdAt` desc). */
  incidents: PublicIncident[];
  /** Every maintenance of the page, newest first (`scheduledFor` desc). */
  maintenances: PublicMaintenance[];
  /**
   * Status changes of every component from `historyStart` on, oldest first, plus for each component
   * the last change before `historyStart` (its status when the window opens).
   */
  history: PublicStatusChange[];
  /** Start of the uptime window: `generatedAt` minus 90 days. */
  historyStart: Date;
  /** The "Get updates" form of a public page; absent: no form (a private page, or Tocsin's public URL unknown). */
  subscribe?: PublicSubscribeForm;
}

export interface PublicSubscribeForm {
  /** Absolute: Tocsin's `/subscribe/<workspace>/<page>`, where the form posts. */
  action: string;
}

export interface PublicPage {
  id: string;
  name: string;
  slug: string;
  /** Absolute, without a trailing slash: clients build `${url}/incidents/${id}`. */
  url: string;
  language: 'fr' | 'en';
  /** IANA time zone, e.g. Europe/Paris. */
  timeZone: string;
  visibility: 'public' | 'private';
  updatedAt: Date;
}

export interface PublicGroup {
  id: string;
  name: string;
  description: string | null;
  position: number;
  componentIds: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface PublicComponent {
  id: string;
  name: string;
  description: string | null;
  position: number;
  status: ComponentStatus;
  groupId: string | null;
  showcase: boolean;
  onlyShowIfDegraded: boolean;
  /** A calendar date, 'YYYY-MM-DD', or null. */
  startDate: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface PublicAffectedComponent {
  code: string;
  name: string;
  old_status: ComponentStatus;
  new_status: ComponentStatus;
}

export interface PublicIncidentUpdate {
  id: string;
  status: IncidentStatus;
  /** Markdown, as the communicator wrote it; renderers sanitize. */
  body: string;
  createdAt: Date;
  updatedAt: Date;
  displayAt: Date;
  affectedComponents: PublicAffectedComponent[] | null;
  deliverNotifications: boolean;
}

export interface PublicIncident {
  id: string;
  name: string;
  status: IncidentStatus;
  impact: Impact;
  createdAt: Date;
  updatedAt: Date;
  /** When the incident started for its users: `occurred_at`, else when it was opened. */
  startedAt: Date;
  monitoringAt: Date | null;
  resolvedAt: Date | null;
  componentIds: string[];
  /** Published updates only, newest first (`displayAt` desc); never empty. */
  updates: PublicIncidentUpdate[];
  /** The promised time of the next update while the incident is open, or null. */
  nextUpdateAt: Date | null;
  /** Its published corrections of false information, newest first (`publishedAt` desc); absent: none. */
  corrections?: PublicCorrection[];
}

/** An entry of the corrections log: what was said, what is true, when it was published. */
export interface PublicCorrection {
  id: string;
  /** Plain text, in the page's language when it was written in it. */
  said: string;
  /** Markdown, as approved for the status page; renderers sanitize. */
  truth: string;
  publishedAt: Date;
}

export interface PublicMaintenanceUpdate {
  id: string;
  status: MaintenanceStatus;
  body: string;
  createdAt: Date;
  displayAt: Date;
}

export interface PublicMaintenance {
  id: string;
  name: string;
  status: MaintenanceStatus;
  scheduledFor: Date;
  scheduledUntil: Date;
  startedAt: Date | null;
  completedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  componentIds: string[];
  /** Newest first; never empty. */
  updates: PublicMaintenanceUpdate[];
}

export interface PublicStatusChange {
  componentId: string;
  status: ComponentStatus;
  changedAt: Date;
}

export type { SiteFile } from '../domain/site-file.ts';
