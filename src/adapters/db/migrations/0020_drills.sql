-- Drills: a simulation exercise played in a sandbox workspace, a copy of the real one. The drill row
-- belongs to the real workspace; its sandbox is a workspace of its own, so every verb, screen and
-- clock works in it unchanged, and every delivery of it lands in drill_sink instead of a transport.
create table drills (
  workspace_id text not null references workspaces (id),
  id text not null,
  sandbox_workspace_id text not null unique references workspaces (id),
  scenario text not null,
  speed integer not null check (speed between 1 and 600),
  state text not null default 'prepared' check (state in ('prepared', 'running', 'finished')),
  -- Drill time = drill_started_at + (real now - started_at) x speed, frozen at finished_at.
  started_at timestamptz,
  drill_started_at timestamptz,
  finished_at timestamptz,
  score jsonb,
  created_by_name text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (workspace_id, id)
);
create index drills_running on drills (state) where state = 'running';

-- An inject delivered into the sandbox: the key makes it exactly once, whatever the number of workers.
create table drill_injects (
  workspace_id text not null,
  drill_id text not null,
  inject_key text not null,
  delivered_at timestamptz not null,
  drill_at timestamptz not null,
  incident_id text,
  fact_entry_id text,
  primary key (workspace_id, drill_id, inject_key),
  foreign key (workspace_id, drill_id) references drills (workspace_id, id) on delete cascade
);

-- What a sandbox would have sent: kept here, never handed to SMTP, SMS, webhooks, chat or Mastodon.
create table drill_sink (
  workspace_id text not null references workspaces (id),
  delivery_id bigint not null,
  kind text not null,
  channel text not null,
  recipient text not null,
  subject text,
  body text not null,
  at timestamptz not null,
  primary key (workspace_id, delivery_id)
);
