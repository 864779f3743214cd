import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { DeliveryChannel, DeliveryState } from '../../domain/delivery/channels.ts';
export type { DeliveryChannel, DeliveryState };
import type { ClosingTables } from './tables/closing.ts';
import type { CompensationTables } from './tables/compensation.ts';
import type { CorrectionTables } from './tables/corrections.ts';
import type { ListeningTables } from './tables/listening.ts';
import type { ReportTables } from './tables/reports.ts';
import type { DrillTables } from './tables/drills.ts';
import type { CrisisPlanTables } from './tables/crisis-plan.ts';
import type { ComponentStatus } from '../../domain/component/status.ts';
import type { Impact, IncidentStatus } from '../../domain/incident/lifecycle.ts';
import type { MaintenanceStatus } from '../../domain/maintenance/lifecycle.ts';
import type { Role } from '../../domain/access/roles.ts';

export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Version = ColumnType<number, number | undefined, number>;
export type Json<T> = ColumnType<T, string, string>;
export type ActorType = 'user' | 'token' | 'system';

export interface AffectedComponent {
  code: string;
  name: string;
  old_status: ComponentStatus;
  new_status: ComponentStatus;
}

export interface WorkspacesTable {
  id: string;
  slug: string;
  name: string;
  time_zone: Generated<string>;
  default_language: Generated<'fr' | 'en'>;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
  version: Version;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  locale: Generated<'fr' | 'en'>;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  role: Role;
  created_at: CreatedAt;
  version: Version;
}

export interface SessionsTable {
  workspace_id: string;
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  workspace_id: string;
  id: string;
  name: string;
  role: Role;
  secret_hash: string;
  created_by: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface StatusPagesTable {
  workspace_id: string;
  id: string;
  slug: string;
  name: string;
  language: 'fr' | 'en';
  time_zone: string;
  visibility: 'public' | 'private';
  url: string | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
  version: Version;
  content_version: ColumnType<number, number | undefined, number>;
  /** Moved on by trigger when a component, group, status change or maintenance of the workspace changes. */
  inputs_version: ColumnType<number, number | undefined, number>;
  published_version: ColumnType<number, number | undefined, number>;
  build_lease_until: Timestamp | null;
  published_at: Timestamp | null;
  publish_failures: ColumnType<number, number | undefined, number>;
  next_publish_at: Timestamp | null;
  last_publish_error: string | null;
  access_password_hash: string | null;
  allowed_email_domains: ColumnType<string[], string[] | undefined, string[]>;
}

export interface PageAccessGrantsTable {
  workspace_id: string;
  id: string;
  page_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export type PublishTargetConfig =
  | { kind: 'folder'; path: string }
  | { kind: 's3'; bucket: string; prefix?: string; endpoint?: string; region?: string; accessKeyIdEnv?: string; secretAccessKeyEnv?: string }
  | { kind: 'git'; remote: string; branch?: string };

export interface PublishTargetsTable {
  workspace_id: string;
  id: string;
  page_id: string;
  kind: 'folder' | 's3' | 'git';
  config: Json<PublishTargetConfig>;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
  version: Version;
  published_version: ColumnType<number, number | undefined, number>;
  published_at: Timestamp | null;
  last_error: string | null;
}

/** What moved a page's content version on (migration 0004): the publishers' delta. */
export interface PublicChangesTable {
  workspace_id: string;
  page_id: string;
  version: number;
  entity_type: string;
  entity_id: string;
  changed_at: CreatedAt;
}

export interface ComponentGroupsTable {
  workspace_id: string;
  id: string;
  name: string;
  description: string | null;
  position: number;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
  version: Version;
}

export interface ComponentsTable {
  workspace_id: string;
  id: string;
  group_id: string | null;
  name: string;
  description: string | null;
  position: number;
  status: ComponentStatus;
  showcase: Generated<boolean>;
  only_show_if_degraded: Generated<boolean>;
  start_date: string | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
  version: Version;
}

export interface IncidentsTable {
  workspace_id: string;
  id: string;
  name: string;
  status: IncidentStatus;
  impact: Impact;
  occurred_at: Timestamp | null;
  detected_at: Timestamp | null;
  acknowledged_at: Timestamp | null;
  monitoring_at: Timestamp | null;
  resolved_at: Timestamp | null;
  referent_id: string | null;
  backup_referent_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
  /** The public promise of the next update (migration 0005). */
  next_update_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** A daily communiqué at this local time ("16:00") when no next update was promised (migration 0011). */
  daily_update_time: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the incident first became public (its first public update); null while declared internally (migration 0015). */
  public_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  version: Version;
}

export interface IncidentComponentsTable {
  workspace_id: string;
  incident_id: string;
  component_id: string;
}

export interface IncidentUpdatesTable {
  workspace_id: string;
  id: string;
  incident_id: string;
  status: IncidentStatus;
  body: string;
  affected_components: Json<AffectedComponent[] | null> | null;
  deliver_notifications: Generated<boolean>;
  author_type: ActorType;
  author_id: string | null;
  author_name: string;
  created_at: CreatedAt;
  published_at: Timestamp | null;
  display_at: Timestamp;
  updated_at: DefaultedTimestamp;
  /** The public text per language when a message gave one (migration 0005); `body` is the default. */
  bodies: ColumnType<Partial<Record<'fr' | 'en', string>> | null, string | null | undefined, string | null>;
  message_id: ColumnType<string | null, string | null | undefined, string | null>;
  version: Version;
}

export interface MaintenancesTable {
  workspace_id: string;
  id: string;
  name: string;
  status: MaintenanceStatus;
  scheduled_for: Timestamp;
  scheduled_until: Timestamp;
  auto_start: Generated<boolean>;
  auto_complete: Generated<boolean>;
  started_at: Timestamp | null;
  completed_at: Timestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
  version: Version;
  /** Migration 0013: the nearest notice queued to subscribers, and the start it announced. */
  notice_for: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  notice_hours: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface MaintenanceComponentsTable {
  workspace_id: string;
  maintenance_id: string;
  component_id: string;
}

export interface MaintenanceUpdatesTable {
  workspace_id: string;
  id: string;
  maintenance_id: string;
  status: MaintenanceStatus;
  body: string;
  author_type: ActorType;
  author_id: string | null;
  author_name: string;
  created_at: CreatedAt;
  display_at: Timestamp;
}

export interface ComponentStatusChangesTable {
  workspace_id: string;
  id: Generated<number>;
  component_id: string;
  status: ComponentStatus;
  previous_status: ComponentStatus | null;
  changed_at: Timestamp;
  incident_id: string | null;
  maintenance_id: string | null;
}

export interface AuditLogTable {
  workspace_id: string;
  id: Generated<number>;
  at: DefaultedTimestamp;
  actor_type: ActorType;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  request_id: string | null;
}

export interface IdempotencyKeysTable {
  workspace_id: string;
  principal: string;
  key: string;
  request_hash: string;
  status: number | null;
  response: Json<unknown> | null;
  created_at: CreatedAt;
}

export interface RateLimitsTable {
  key: string;
  window_start: Timestamp;
  hits: number;
}

export type Language = 'fr' | 'en';
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface AudienceSetting {
  id: string;
  name: Record<Language, string>;
  /** Lay audiences get the jargon and readability rules. */
  lay: boolean;
  /** Lowest readability score accepted (Flesch / Kandel–Moles); null: no check. */
  readability_min: number | null;
}

export interface CommsSettingsTable {
  workspace_id: string;
  audiences: Json<AudienceSetting[]>;
  cadence: Json<Record<'critical' | 'major' | 'minor' | 'none', number>>;
  four_eyes: ColumnType<boolean, boolean | undefined, boolean>;
  status_page_audience: ColumnType<string, string | undefined, string>;
  lint_rules: ColumnType<Record<string, 'off' | 'error' | 'warning' | 'info'>, string | undefined, string>;
  /** Migration 0010: the communication clocks. */
  first_message_minutes: ColumnType<number, number | undefined, number>;
  remind_before_minutes: ColumnType<number, number | undefined, number>;
  escalate_after_minutes: ColumnType<number, number | undefined, number>;
  /** Migration 0013: hours before a maintenance starts that its subscribers are told, 0 to 4 of 1–168. */
  maintenance_notice_hours: ColumnType<number[], number[] | undefined, number[]>;
  updated_at: DefaultedTimestamp;
  version: Version;
}

export interface GlossaryTermsTable {
  workspace_id: string;
  id: string;
  term: string;
  plain: string;
  language: Language;
  audiences: ColumnType<string[], string[] | undefined, string[]>;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
  version: Version;
}

export interface MessageTemplatesTable {
  workspace_id: string;
  id: string;
  stage: string;
  language: Language;
  channel: string;
  audience: string | null;
  subject: string | null;
  body: string;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
  version: Version;
}

export interface FactSheetsTable {
  workspace_id: string;
  incident_id: string;
  personal_data_breach: ColumnType<boolean, boolean | undefined, boolean>;
  audiences: ColumnType<string[], string[] | undefined, string[]>;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
  version: Version;
}

export type FactKind = 'known' | 'unconfirmed' | 'said' | 'promised' | 'rumor' | 'key_message';
export type PromiseKind = 'next_update' | 'compensation' | 'follow_up_report' | 'other';
export interface FactFigures {
  affected_people?: number;
  records?: number;
  regions?: string[];
}

export interface FactEntriesTable {
  workspace_id: string;
  id: string;
  incident_id: string;
  kind: FactKind;
  text: string;
  source: Nullable<string>;
  noted_at: Timestamp;
  figures: ColumnType<FactFigures | null, string | null | undefined, string | null>;
  language: Nullable<Language>;
  audience: Nullable<string>;
  channel: Nullable<string>;
  message_id: Nullable<string>;
  variant_id: Nullable<string>;
  promise_kind: Nullable<PromiseKind>;
  due_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  state: Nullable<string>;
  state_reason: Nullable<string>;
  correction: Nullable<string>;
  author_type: ActorType;
  author_id: string | null;
  author_name: string;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
  withdrawn_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  version: Version;
}

export type MessageState = 'draft' | 'in_review' | 'published';

export interface MessagesTable {
  workspace_id: string;
  id: string;
  incident_id: string;
  stage: string;
  state: MessageState;
  next_update_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  notify_subscribers: ColumnType<boolean, boolean | undefined, boolean>;
  emergency: ColumnType<boolean, boolean | undefined, boolean>;
  emergency_reason: Nullable<string>;
  author_type: ActorType;
  author_id: string | null;
  author_name: string;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
  published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  published_by_name: Nullable<string>;
  incident_update_id: Nullable<string>;
  version: Version;
}

export interface MessageVariantsTable {
  workspace_id: string;
  id: string;
  message_id: string;
  audience: string;
  language: Language;
  channel: string;
  network: Nullable<string>;
  subject: Nullable<string>;
  body: string;
  editor_type: ActorType;
  editor_id: string | null;
  editor_name: string;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
  version: Version;
}

export type ReviewKind = 'request' | 'approve' | 'request_changes' | 'comment';

export interface MessageReviewsTable {
  workspace_id: string;
  id: string;
  message_id: string;
  variant_id: string | null;
  kind: ReviewKind;
  content_hash: string;
  body: string | null;
  override_reason: string | null;
  overridden_rules: ColumnType<string[], string[] | undefined, string[]>;
  actor_type: ActorType;
  actor_id: string | null;
  actor_name: string;
  at: DefaultedTimestamp;
}

export type SubscriberChannel = 'email' | 'sms' | 'webhook';
export type SubscriberState = 'pending' | 'active' | 'unsubscribed';
export interface SubscribersTable {
  workspace_id: string;
  id: string;
  page_id: string;
  channel: SubscriberChannel;
  address: string;
  language: Language;
  all_components: ColumnType<boolean, boolean | undefined, boolean>;
  state: ColumnType<SubscriberState, SubscriberState | undefined, SubscriberState>;
  manage_token: string;
  confirm_code_hash: Nullable<string>;
  confirm_expires_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  confirm_attempts: ColumnType<number, number | undefined, number>;
  webhook_secret: Nullable<string>;
  consecutive_failures: ColumnType<number, number | undefined, number>;
  disabled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  disabled_reason: Nullable<string>;
  source: 'self' | 'admin' | 'import';
  created_at: CreatedAt;
  confirmed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  unsubscribed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  updated_at: DefaultedTimestamp;
  version: Version;
}
export interface SubscriberComponentsTable {
  workspace_id: string;
  subscriber_id: string;
  component_id: string;
}
export interface SuppressionsTable {
  workspace_id: string;
  channel: 'email' | 'sms';
  address: string;
  reason: 'bounce' | 'complaint' | 'manual';
  detail: Nullable<string>;
  created_at: CreatedAt;
}
export type EndpointKind = 'slack' | 'teams' | 'discord' | 'google_chat' | 'mattermost' | 'email' | 'webhook' | 'mastodon';
export type EndpointPurpose = 'chat' | 'support_script' | 'social' | 'alerts';
export interface ChannelEndpointsTable {
  workspace_id: string;
  id: string;
  name: string;
  kind: EndpointKind;
  purpose: EndpointPurpose;
  audience: string;
  language: Language | null;
  target: string;
  secret: Nullable<string>;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  consecutive_failures: ColumnType<number, number | undefined, number>;
  disabled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  disabled_reason: Nullable<string>;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
  version: Version;
}
export type DeliveryKind = 'message' | 'update' | 'confirmation' | 'notice' | 'maintenance';
/** A one-off delivery's own content (a confirmation): what a message delivery reads from its variant. */
export interface DeliveryPayload {
  subject?: string;
  text: string;
  /** E-mail only: Markdown rendered like a variant's body. (Default: the text) */
  markdown?: boolean;
}
export interface DeliveriesTable {
  workspace_id: string;
  id: Generated<number>;
  dedupe_key: string;
  kind: DeliveryKind;
  message_id: Nullable<string>;
  variant_id: Nullable<string>;
  /** An incident update posted without a message (migration 0008). */
  update_id: Nullable<string>;
  /** A maintenance notice to a subscriber (migration 0013). */
  maintenance_id: Nullable<string>;
  channel: DeliveryChannel;
  subscriber_id: Nullable<string>;
  endpoint_id: Nullable<string>;
  address: string;
  language: Language;
  payload: ColumnType<DeliveryPayload | null, string | null | undefined, string | null>;
  state: ColumnType<DeliveryState, DeliveryState | undefined, DeliveryState>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: DefaultedTimestamp;
  lease_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  lease_token: Nullable<string>;
  sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  last_error: Nullable<string>;
  response: Nullable<string>;
  provider_id: Nullable<string>;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

/** Which regimes a workspace answers to, and the settings of their [U] rules (migration 0009). */
export interface RegulatoryProfilesTable {
  workspace_id: string;
  gdpr_roles: ColumnType<Array<'controller' | 'processor'>, Array<'controller' | 'processor'> | undefined, Array<'controller' | 'processor'>>;
  nis2: Nullable<'essential' | 'important' | 'trust_service'>;
  dora_financial_entity: ColumnType<boolean, boolean | undefined, boolean>;
  eprivacy_provider: ColumnType<boolean, boolean | undefined, boolean>;
  fr_oiv_ose: ColumnType<boolean, boolean | undefined, boolean>;
  fr_telecom_operator: ColumnType<boolean, boolean | undefined, boolean>;
  fr_health_entity: ColumnType<boolean, boolean | undefined, boolean>;
  dora_working_day_shift: ColumnType<boolean, boolean | undefined, boolean>;
  dora_shift_hour: ColumnType<number, number | undefined, number>;
  dora_late_classification_rule: ColumnType<boolean, boolean | undefined, boolean>;
  holiday_calendar: ColumnType<'fr' | 'none', 'fr' | 'none' | undefined, 'fr' | 'none'>;
  extra_holidays: ColumnType<string[], string[] | undefined, string[]>;
  updated_at: DefaultedTimestamp;
  version: Version;
}

export type GdprRiskLevel = 'unlikely' | 'risk' | 'high';

/** An incident's core regulatory timestamps and risk assessment (migration 0009). */
export interface IncidentRegulatoryTable {
  workspace_id: string;
  incident_id: string;
  aware_at_gdpr: NullableTimestamp;
  aware_basis: Nullable<string>;
  processor_notified_controller_at: NullableTimestamp;
  aware_significant_at: NullableTimestamp;
  classified_major_at: NullableTimestamp;
  regular_activities_recovered_at: NullableTimestamp;
  handling_concluded_at: NullableTimestamp;
  risk: Nullable<GdprRiskLevel>;
  risk_rationale: Nullable<string>;
  updated_at: DefaultedTimestamp;
  version: Version;
}

/** A report filed with an authority, or a notice given (migration 0009). */
export interface RegulatorySubmissionsTable {
  workspace_id: string;
  id: string;
  incident_id: string;
  regime: 'gdpr' | 'nis2' | 'dora' | 'eprivacy' | 'fr';
  report: string;
  submitted_at: ColumnType<Date, Date | string, Date | string>;
  authority_ref: Nullable<string>;
  late_reason: Nullable<string>;
  is_complete: ColumnType<boolean, boolean | undefined, boolean>;
  recorded_by_id: Nullable<string>;
  recorded_by_name: string;
  created_at: CreatedAt;
}

/** What a person wrote in an incident's report form, per content key (migration 0012); the prefill is not stored. */
export interface RegulatoryReportsTable {
  workspace_id: string;
  incident_id: string;
  report: string;
  answers: ColumnType<Record<string, string>, string | undefined, string>;
  updated_at: DefaultedTimestamp;
  updated_by_name: string;
  version: Version;
}

/** A reminder or escalation the clock sweep raised (migration 0011): what the console shows. */
export interface ClockAlertsTable {
  workspace_id: string;
  id: string;
  alert_key: string;
  incident_id: string;
  clock: 'first_message' | 'next_update';
  step: 'reminder' | 'due' | 'escalation';
  due_at: Timestamp;
  recipient_ids: ColumnType<string[], string[] | undefined, string[]>;
  created_at: CreatedAt;
  acknowledged_at: NullableTimestamp;
  acknowledged_by_name: Nullable<string>;
}

/** An Art. 34(3) exemption a breach record uses, with why it applies (migration 0014). */
export interface BreachExemption {
  code: 'encrypted' | 'subsequent_measures' | 'disproportionate_effort';
  justification: string;
}

/** A personal-data breach in the register (migration 0014); an incident's row holds no risk or awareness. */
export interface BreachRecordsTable {
  workspace_id: string;
  id: string;
  incident_id: string | null;
  title: Nullable<string>;
  aware_at: NullableTimestamp;
  description: Nullable<string>;
  data_categories: ColumnType<string[], string[] | undefined, string[]>;
  special_categories: ColumnType<boolean, boolean | undefined, boolean>;
  subjects_approx: Nullable<number>;
  records_approx: Nullable<number>;
  consequences: Nullable<string>;
  measures: Nullable<string>;
  risk: Nullable<GdprRiskLevel>;
  risk_rationale: Nullable<string>;
  exemptions: ColumnType<BreachExemption[], string | undefined, string>;
  decision_notes: Nullable<string>;
  authority_notified_at: NullableTimestamp;
  authority_ref: Nullable<string>;
  data_subjects_informed_at: NullableTimestamp;
  created_by_id: string | null;
  created_by_name: string;
  created_at: CreatedAt;
  updated_by_id: string | null;
  updated_by_name: string;
  updated_at: DefaultedTimestamp;
  version: Version;
}

/** A customer the workspace processes personal data for, notified of a breach (migration 0014). */
export interface DataControllersTable {
  workspace_id: string;
  id: string;
  name: string;
  email: string;
  language: Language;
  all_components: ColumnType<boolean, boolean | undefined, boolean>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
  version: Version;
}
export interface DataControllerComponentsTable {
  workspace_id: string;
  controller_id: string;
  component_id: string;
}

/** Every table; the after-the-crisis areas (migrations 0016–0022) keep theirs in ./tables/. */
export interface Database extends ClosingTables, CompensationTables, CorrectionTables, ListeningTables, ReportTables, DrillTables, CrisisPlanTables {
  workspaces: WorkspacesTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  status_pages: StatusPagesTable;
  publish_targets: PublishTargetsTable;
  page_access_grants: PageAccessGrantsTable;
  public_changes: PublicChangesTable;
  component_groups: ComponentGroupsTable;
  components: ComponentsTable;
  incidents: IncidentsTable;
  incident_components: IncidentComponentsTable;
  incident_updates: IncidentUpdatesTable;
  maintenances: MaintenancesTable;
  maintenance_components: MaintenanceComponentsTable;
  maintenance_updates: MaintenanceUpdatesTable;
  component_status_changes: ComponentStatusChangesTable;
  audit_log: AuditLogTable;
  comms_settings: CommsSettingsTable;
  glossary_terms: GlossaryTermsTable;
  message_templates: MessageTemplatesTable;
  fact_sheets: FactSheetsTable;
  fact_entries: FactEntriesTable;
  messages: MessagesTable;
  message_variants: MessageVariantsTable;
  message_reviews: MessageReviewsTable;
  subscribers: SubscribersTable;
  subscriber_components: SubscriberComponentsTable;
  suppressions: SuppressionsTable;
  channel_endpoints: ChannelEndpointsTable;
  deliveries: DeliveriesTable;
  regulatory_profiles: RegulatoryProfilesTable;
  incident_regulatory: IncidentRegulatoryTable;
  regulatory_submissions: RegulatorySubmissionsTable;
  regulatory_reports: RegulatoryReportsTable;
  clock_alerts: ClockAlertsTable;
  breach_records: BreachRecordsTable;
  data_controllers: DataControllersTable;
  data_controller_components: DataControllerComponentsTable;
  idempotency_keys: IdempotencyKeysTable;
  rate_limits: RateLimitsTable;
}

export type Row<T extends keyof Database> = Selectable<Database[T]>;
export type NewRow<T extends keyof Database> = Insertable<Database[T]>;
