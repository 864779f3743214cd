-- After the crisis (doctrine §8): an incident closes publicly once its promises are kept, dropped
-- with a reason, or moved to the follow-up list, where they stay tracked after the close.
create table closing_follow_ups (
  workspace_id text not null,
  -- a fact entry of kind 'promised'; its state stays pending until it is kept or dropped
  promise_id text not null,
  incident_id text not null,
  note text,
  author_type text not null check (author_type in ('user', 'token', 'system')),
  author_id text,
  author_name text not null,
  created_at timestamptz not null default now(),
  primary key (workspace_id, promise_id),
  foreign key (workspace_id, promise_id) references fact_entries (workspace_id, id),
  foreign key (workspace_id, incident_id) references incidents (workspace_id, id)
);
create index closing_follow_ups_by_incident on closing_follow_ups (workspace_id, incident_id);

-- Where a closing message invites questions and feedback (an address, a link or a number).
create table closing_settings (
  workspace_id text not null references workspaces (id),
  feedback_contact text,
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (workspace_id)
);
