-- The breach register (GDPR Art. 33(5)): every personal-data breach, notified or not. An incident's
-- breach keeps its awareness, risk and rationale on incident_regulatory, the one source of truth;
-- its row here holds only what the register adds. A breach with no public incident (an e-mail sent
-- to the wrong person) is a standalone row that carries all of it, and what was done about it.
create table breach_records (
  workspace_id text not null references workspaces (id),
  id text not null,
  incident_id text,
  -- null on an incident's row: the register shows the incident's name
  title text,
  aware_at timestamptz,
  -- the facts of the breach: what happened, its cause and sequence of events
  description text,
  data_categories text[] not null default '{}',
  special_categories boolean not null default false,
  subjects_approx bigint check (subjects_approx >= 0),
  records_approx bigint check (records_approx >= 0),
  consequences text,
  measures text,
  risk text check (risk in ('unlikely', 'risk', 'high')),
  risk_rationale text,
  -- Art. 34(3) exemptions used, each with its justification: [{code, justification}]
  exemptions jsonb not null default '[]',
  decision_notes text,
  -- what a standalone breach's controller did; an incident's are its regulatory_submissions
  authority_notified_at timestamptz,
  authority_ref text,
  data_subjects_informed_at timestamptz,
  created_by_id text,
  created_by_name text not null,
  created_at timestamptz not null default now(),
  updated_by_id text,
  updated_by_name text not null,
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (workspace_id, id),
  -- NULLs are distinct: one row per incident, any number of standalone ones
  unique (workspace_id, incident_id),
  foreign key (workspace_id, incident_id) references incidents (workspace_id, id),
  constraint breach_records_one_source check (
    incident_id is null
    or (aware_at is null and risk is null and risk_rationale is null and authority_notified_at is null and authority_ref is null and data_subjects_informed_at is null)
  ),
  constraint breach_records_titled check (incident_id is not null or title is not null),
  constraint breach_records_risk_rationale check (risk is null or risk_rationale is not null)
);

-- The customers for whom the workspace processes personal data (GDPR processor): a processor's
-- breach is notified to each controller whose services it touched (Art. 33(2)).
create table data_controllers (
  workspace_id text not null references workspaces (id),
  id text not null,
  name text not null,
  -- their data protection officer or privacy contact
  email text not null,
  language text not null check (language in ('fr', 'en')),
  -- false: only breaches on the components in data_controller_components
  all_components boolean not null default true,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (workspace_id, id),
  unique (workspace_id, name)
);

create table data_controller_components (
  workspace_id text not null,
  controller_id text not null,
  component_id text not null,
  primary key (workspace_id, controller_id, component_id),
  foreign key (workspace_id, controller_id) references data_controllers (workspace_id, id) on delete cascade,
  foreign key (workspace_id, component_id) references components (workspace_id, id) on delete cascade
);
