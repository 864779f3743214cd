-- Foundation: workspaces, people and access, status pages, components, incidents, maintenances,
-- audit log. Every tenant table carries workspace_id and leads its keys with it, so the schema
-- can be distributed by workspace (Citus) without changing a key. users and rate_limits are
-- global (reference tables in a distributed setup).

create table workspaces (
  id text primary key,
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text not null check (length(name) between 1 and 200),
  time_zone text not null default 'UTC',
  default_language text not null default 'en' check (default_language in ('fr', 'en')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);

create table users (
  id text primary key,
  email text not null unique check (email = lower(email)),
  name text not null,
  password_hash text,
  locale text not null default 'en' check (locale in ('fr', 'en')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table memberships (
  workspace_id text not null references workspaces (id),
  user_id text not null references users (id),
  role text not null check (role in ('owner', 'incident_lead', 'comms_lead', 'reviewer', 'support', 'viewer')),
  created_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (workspace_id, user_id)
);

create table sessions (
  workspace_id text not null references workspaces (id),
  id text not null, -- sha256 of the secret in the cookie; the secret itself is never stored
  user_id text not null references users (id),
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  primary key (workspace_id, id)
);

create table api_tokens (
  workspace_id text not null references workspaces (id),
  id text not null,
  name text not null,
  role text not null check (role in ('owner', 'incident_lead', 'comms_lead', 'reviewer', 'support', 'viewer')),
  secret_hash text not null,
  created_by text references users (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz,
  primary key (workspace_id, id)
);

create table status_pages (
  workspace_id text not null references workspaces (id),
  id text not null,
  slug text not null check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name text not null,
  language text not null check (language in ('fr', 'en')),
  time_zone text not null,
  visibility text not null check (visibility in ('public', 'private')),
  url text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (workspace_id, id),
  unique (workspace_id, slug)
);

create table component_groups (
  workspace_id text not null references workspaces (id),
  id text not null,
  name text not null,
  description text,
  position integer not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (workspace_id, id)
);

create table components (
  workspace_id text not null references workspaces (id),
  id text not null,
  group_id text,
  name text not null,
  description text,
  position integer not null,
  -- A cache of the newest component_status_changes row, written in the same transaction.
  status text not null check (status in ('operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance')),
  showcase boolean not null default true,
  only_show_if_degraded boolean not null default false,
  start_date date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (workspace_id, id),
  foreign key (workspace_id, group_id) references component_groups (workspace_id, id)
);

create table incidents (
  workspace_id text not null references workspaces (id),
  id text not null,
  name text not null,
  -- A cache of the newest update's status, written in the same transaction as the update.
  status text not null check (status in ('investigating', 'identified', 'monitoring', 'resolved', 'postmortem')),
  impact text not null check (impact in ('none', 'minor', 'major', 'critical')),
  occurred_at timestamptz,
  detected_at timestamptz,
  acknowledged_at timestamptz,
  monitoring_at timestamptz,
  resolved_at timestamptz,
  referent_id text references users (id),
  backup_referent_id text references users (id),
  created_by text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (workspace_id, id)
);
create index incidents_open on incidents (workspace_id, created_at desc) where status in ('investigating', 'identified', 'monitoring');
create index incidents_recent on incidents (workspace_id, created_at desc, id desc);

create table incident_components (
  workspace_id text not null,
  incident_id text not null,
  component_id text not null,
  primary key (workspace_id, incident_id, component_id),
  foreign key (workspace_id, incident_id) references incidents (workspace_id, id),
  foreign key (workspace_id, component_id) references components (workspace_id, id)
);

create table incident_updates (
  workspace_id text not null,
  id text not null,
  incident_id text not null,
  status text not null check (status in ('investigating', 'identified', 'monitoring', 'resolved', 'postmortem')),
  body text not null,
  -- [{code, name, old_status, new_status}] as Statuspage writes it, or null when none changed.
  affected_components jsonb,
  deliver_notifications boolean not null default true,
  author_type text not null check (author_type in ('user', 'token', 'system')),
  author_id text,
  author_name text not null,
  created_at timestamptz not null default now(),
  published_at timestamptz,
  display_at timestamptz not null,
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (workspace_id, id),
  foreign key (workspace_id, incident_id) references incidents (workspace_id, id)
);
create index incident_updates_by_incident on incident_updates (workspace_id, incident_id, display_at desc);

create table maintenances (
  workspace_id text not null references workspaces (id),
  id text not null,
  name text not null,
  status text not null check (status in ('scheduled', 'in_progress', 'verifying', 'completed')),
  scheduled_for timestamptz not null,
  scheduled_until timestamptz not null,
  auto_start boolean not null default true,
  auto_complete boolean not null default true,
  started_at timestamptz,
  completed_at timestamptz,
  created_by text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (workspace_id, id),
  check (scheduled_until > scheduled_for)
);
create index maintenances_due on maintenances (scheduled_for) where status <> 'completed';

create table maintenance_components (
  workspace_id text not null,
  maintenance_id text not null,
  component_id text not null,
  primary key (workspace_id, maintenance_id, component_id),
  foreign key (workspace_id, maintenance_id) references maintenances (workspace_id, id),
  foreign key (workspace_id, component_id) references components (workspace_id, id)
);

create table maintenance_updates (
  workspace_id text not null,
  id text not null,
  maintenance_id text not null,
  status text not null check (status in ('scheduled', 'in_progress', 'verifying', 'completed')),
  body text not null,
  author_type text not null check (author_type in ('user', 'token', 'system')),
  author_id text,
  author_name text not null,
  created_at timestamptz not null default now(),
  display_at timestamptz not null,
  primary key (workspace_id, id),
  foreign key (workspace_id, maintenance_id) references maintenances (workspace_id, id)
);

create table component_status_changes (
  workspace_id text not null,
  id bigint generated by default as identity,
  component_id text not null,
  status text not null check (status in ('operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance')),
  previous_status text,
  changed_at timestamptz not null,
  incident_id text,
  maintenance_id text,
  primary key (workspace_id, id),
  foreign key (workspace_id, component_id) references components (workspace_id, id)
);
create index component_status_changes_history on component_status_changes (workspace_id, component_id, changed_at);

create table audit_log (
  workspace_id text not null references workspaces (id),
  id bigint generated by default as identity,
  at timestamptz not null default now(),
  actor_type text not null check (actor_type in ('user', 'token', 'system')),
  actor_id text,
  actor_name text not null,
  action text not null,
  entity_type text not null,
  entity_id text not null,
  before jsonb,
  after jsonb,
  request_id text,
  primary key (workspace_id, id)
);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_log_is_append_only();

create table idempotency_keys (
  workspace_id text not null references workspaces (id),
  principal text not null,
  key text not null,
  request_hash text not null,
  status integer,
  response jsonb,
  created_at timestamptz not null default now(),
  primary key (workspace_id, principal, key)
);

create table rate_limits (
  key text not null,
  window_start timestamptz not null,
  hits integer not null,
  primary key (key, window_start)
);
