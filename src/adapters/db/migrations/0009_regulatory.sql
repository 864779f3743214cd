-- The law's clocks (regulatory.md): which regimes a workspace answers to, the core timestamps of
-- each incident the deadlines run from, and the reports filed. Deadlines themselves are computed
-- (domain/clocks), never stored: a corrected timestamp moves every deadline that depends on it.

-- One row or none per workspace; none means no regime is on.
create table regulatory_profiles (
  workspace_id text not null references workspaces (id),
  -- GDPR roles: controller, processor, or both
  gdpr_roles text[] not null default '{}',
  nis2 text check (nis2 in ('essential', 'important', 'trust_service')),
  dora_financial_entity boolean not null default false,
  eprivacy_provider boolean not null default false,
  fr_oiv_ose boolean not null default false,
  fr_telecom_operator boolean not null default false,
  fr_health_entity boolean not null default false,
  -- [S] a DORA deadline on a weekend or holiday moves to this hour the next working day
  dora_working_day_shift boolean not null default true,
  dora_shift_hour integer not null default 12 check (dora_shift_hour between 0 and 23),
  -- [U] classified major after the first 24 h: due 4 h after classification
  dora_late_classification_rule boolean not null default true,
  -- the public holidays the DORA shift skips: French ones, or none, plus the workspace's own days
  holiday_calendar text not null default 'fr' check (holiday_calendar in ('fr', 'none')),
  extra_holidays text[] not null default '{}',
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (workspace_id)
);

-- The core timestamps of an incident (regulatory.md §2.0) besides those the incident already has
-- (occurred, detected, resolved), and the controller's risk assessment with its rationale.
create table incident_regulatory (
  workspace_id text not null,
  incident_id text not null,
  aware_at_gdpr timestamptz,
  -- why the controller is reasonably certain personal data was compromised, and since when
  aware_basis text,
  processor_notified_controller_at timestamptz,
  aware_significant_at timestamptz,
  classified_major_at timestamptz,
  regular_activities_recovered_at timestamptz,
  handling_concluded_at timestamptz,
  risk text check (risk in ('unlikely', 'risk', 'high')),
  risk_rationale text,
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (workspace_id, incident_id),
  foreign key (workspace_id, incident_id) references incidents (workspace_id, id)
);

-- A report filed with an authority (or a notice given): it closes the deadline it answers.
create table regulatory_submissions (
  workspace_id text not null,
  id text not null,
  incident_id text not null,
  regime text not null check (regime in ('gdpr', 'nis2', 'dora', 'eprivacy', 'fr')),
  report text not null,
  submitted_at timestamptz not null,
  authority_ref text,
  late_reason text,
  is_complete boolean not null default false,
  recorded_by_id text,
  recorded_by_name text not null,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id),
  foreign key (workspace_id, incident_id) references incidents (workspace_id, id)
);
create index regulatory_submissions_by_incident on regulatory_submissions (workspace_id, incident_id, submitted_at);
