-- The crisis plan, written in peacetime (doctrine §9): who holds each crisis role with their backups
-- and contacts, which templates a reviewer pre-approved, and the channel checks Tocsin cannot see.

-- One row per crisis role the workspace has filled: holds the version an edit sends back in If-Match.
create table crisis_roles (
  workspace_id text not null references workspaces (id),
  role text not null check (role in ('crisis_lead', 'communications_lead', 'spokesperson', 'legal_dpo', 'support_lead', 'executive_sponsor', 'technical_referent')),
  updated_at timestamptz not null default now(),
  updated_by_name text,
  version integer not null default 1,
  primary key (workspace_id, role)
);

-- Who holds a role, in order: position 0 is the primary, then the backups.
create table crisis_role_members (
  workspace_id text not null,
  role text not null,
  position integer not null check (position between 0 and 9),
  user_id text not null,
  phone text check (length(phone) <= 40),
  email text check (length(email) <= 320),
  out_of_hours_phone text check (length(out_of_hours_phone) <= 40),
  availability_note text check (length(availability_note) <= 500),
  -- away until then (leave, travel): the escalation path skips to the next person
  unavailable_until timestamptz,
  primary key (workspace_id, role, position),
  unique (workspace_id, role, user_id),
  foreign key (workspace_id, role) references crisis_roles (workspace_id, role) on delete cascade,
  foreign key (workspace_id, user_id) references memberships (workspace_id, user_id) on delete cascade
);
create index crisis_role_members_user on crisis_role_members (workspace_id, user_id);

-- A template a reviewer pre-approved, bound to its content: an edit changes the hash and lifts the mark.
create table crisis_template_approvals (
  workspace_id text not null references workspaces (id),
  template_kind text not null check (template_kind in ('message_template', 'incident_template')),
  -- a message template's id, or an incident template's key
  template_key text not null,
  content_hash text not null,
  approved_by_type text not null check (approved_by_type in ('user', 'token', 'system')),
  approved_by_id text,
  approved_by_name text not null,
  approved_at timestamptz not null,
  primary key (workspace_id, template_kind, template_key)
);

-- A channel check ticked by hand, where Tocsin cannot see the account (press list, social accounts…).
create table crisis_checklist_ticks (
  workspace_id text not null references workspaces (id),
  item text not null,
  is_ready boolean not null,
  note text check (length(note) <= 500),
  ticked_by_id text,
  ticked_by_name text not null,
  ticked_at timestamptz not null,
  version integer not null default 1,
  primary key (workspace_id, item)
);
