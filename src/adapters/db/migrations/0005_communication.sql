-- One source of truth and approved messages (doctrine §2, §4): each incident's fact sheet, the
-- messages written from it per audience, language and channel, their reviews, and the outbox the
-- channels deliver. Every change is also in the audit log (who, when, before, after).

-- Communication settings of a workspace; absent means the defaults (services/settings).
create table comms_settings (
  workspace_id text not null references workspaces (id),
  -- [{id, name: {fr, en}, lay, readability_min}]
  audiences jsonb not null,
  -- minutes between public updates by impact: {critical, major, minor, none}
  cadence jsonb not null,
  -- an approver must not be an author of what is approved
  four_eyes boolean not null default true,
  -- whose variant goes to the status page
  status_page_audience text not null default 'customers',
  -- linter rule id → off | error | warning | info
  lint_rules jsonb not null default '{}',
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (workspace_id)
);

-- Jargon → plain words, per language and audiences (empty: every lay audience).
create table glossary_terms (
  workspace_id text not null references workspaces (id),
  id text not null,
  term text not null,
  plain text not null,
  language text not null check (language in ('fr', 'en')),
  audiences text[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (workspace_id, id)
);
create unique index glossary_terms_term on glossary_terms (workspace_id, language, lower(term));

-- A workspace's own templates; the built-in ones fill the slots it leaves empty.
create table message_templates (
  workspace_id text not null references workspaces (id),
  id text not null,
  stage text not null,
  language text not null check (language in ('fr', 'en')),
  channel text not null,
  -- null: any audience
  audience text,
  subject text,
  body text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (workspace_id, id)
);
create unique index message_templates_slot on message_templates (workspace_id, stage, language, channel, coalesce(audience, ''));

-- The sheet of an incident: what is not a list of entries.
create table fact_sheets (
  workspace_id text not null,
  incident_id text not null,
  personal_data_breach boolean not null default false,
  audiences text[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- moves on with every change to the sheet or one of its entries: what live views follow
  version integer not null default 1,
  primary key (workspace_id, incident_id),
  foreign key (workspace_id, incident_id) references incidents (workspace_id, id)
);

-- Known facts, hypotheses, what was said, what was promised, rumors and key messages.
create table fact_entries (
  workspace_id text not null,
  id text not null,
  incident_id text not null,
  kind text not null check (kind in ('known', 'unconfirmed', 'said', 'promised', 'rumor', 'key_message')),
  text text not null,
  -- known, unconfirmed: who says so; rumor: where it was seen
  source text,
  -- when it was established, seen, said or promised
  noted_at timestamptz not null,
  -- known: {affected_people, records, regions}, numbers kept as numbers
  figures jsonb,
  language text check (language in ('fr', 'en')),
  -- said: to whom and where
  audience text,
  channel text,
  message_id text,
  variant_id text,
  -- promised
  promise_kind text check (promise_kind in ('next_update', 'compensation', 'follow_up_report', 'other')),
  due_at timestamptz,
  -- promised: pending | kept | broken | dropped; rumor: open | refuted | confirmed
  state text,
  state_reason text,
  -- rumor: the correction published
  correction text,
  author_type text not null check (author_type in ('user', 'token', 'system')),
  author_id text,
  author_name text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- withdrawn entries stay, struck through: nothing said or known is lost
  withdrawn_at timestamptz,
  version integer not null default 1,
  primary key (workspace_id, id),
  foreign key (workspace_id, incident_id) references incidents (workspace_id, id)
);
create index fact_entries_by_incident on fact_entries (workspace_id, incident_id, kind, noted_at);

-- One communication intent for an incident; its variants are what gets approved and published.
create table messages (
  workspace_id text not null,
  id text not null,
  incident_id text not null,
  stage text not null,
  -- draft → in_review → published; approval is read from the reviews against the content hash
  state text not null check (state in ('draft', 'in_review', 'published')),
  next_update_at timestamptz,
  notify_subscribers boolean not null default true,
  emergency boolean not null default false,
  emergency_reason text,
  author_type text not null check (author_type in ('user', 'token', 'system')),
  author_id text,
  author_name text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz,
  published_by_name text,
  incident_update_id text,
  version integer not null default 1,
  primary key (workspace_id, id),
  foreign key (workspace_id, incident_id) references incidents (workspace_id, id)
);
create index messages_by_incident on messages (workspace_id, incident_id, created_at);

create table message_variants (
  workspace_id text not null,
  id text not null,
  message_id text not null,
  audience text not null,
  language text not null check (language in ('fr', 'en')),
  channel text not null,
  network text,
  subject text,
  body text not null,
  -- who wrote the current text: four-eyes keeps them from approving it
  editor_type text not null check (editor_type in ('user', 'token', 'system')),
  editor_id text,
  editor_name text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (workspace_id, id),
  unique (workspace_id, message_id, audience, language, channel),
  foreign key (workspace_id, message_id) references messages (workspace_id, id)
);

-- Review requests, approvals, requests for changes and comments, bound to the content they saw.
create table message_reviews (
  workspace_id text not null,
  id text not null,
  message_id text not null,
  variant_id text,
  kind text not null check (kind in ('request', 'approve', 'request_changes', 'comment')),
  -- sha256 of the message's content when the review was given: an edit voids an approval
  content_hash text not null,
  body text,
  override_reason text,
  overridden_rules text[] not null default '{}',
  actor_type text not null check (actor_type in ('user', 'token', 'system')),
  actor_id text,
  actor_name text not null,
  at timestamptz not null default now(),
  primary key (workspace_id, id),
  foreign key (workspace_id, message_id) references messages (workspace_id, id)
);
create index message_reviews_by_message on message_reviews (workspace_id, message_id, at);

-- What the channels deliver (e-mail, SMS, chat, webhooks, social drafts, support scripts), one row
-- per published variant, written in the publish's transaction.
create table outbox (
  workspace_id text not null,
  id text not null,
  message_id text not null,
  variant_id text not null,
  channel text not null,
  audience text not null,
  language text not null,
  created_at timestamptz not null default now(),
  state text not null default 'pending' check (state in ('pending', 'delivering', 'done')),
  primary key (workspace_id, id),
  unique (workspace_id, variant_id),
  foreign key (workspace_id, message_id) references messages (workspace_id, id)
);
create index outbox_pending on outbox (created_at) where state = 'pending';

-- The public promise of the next update, and an update's text per language.
alter table incidents add column next_update_at timestamptz;
alter table incident_updates add column bodies jsonb;
alter table incident_updates add column message_id text;
