-- The public corrections log (doctrine §7: correct false information publicly, in a running log):
-- one row per correction written from a rumor of the fact sheet. Its message goes through review and
-- approval like any other; publishing it sets published_at and copies the approved status-page text.
create table corrections (
  workspace_id text not null references workspaces (id),
  id text not null,
  incident_id text not null,
  rumor_entry_id text not null,
  message_id text not null,
  -- what was said, quoted, per language: {"fr": "...", "en": "..."}
  said jsonb not null,
  -- what is true, as proposed when the correction was written, per language
  truth jsonb not null,
  -- what is true as published: the approved status-page variants' text per language
  published_truth jsonb,
  published_at timestamptz,
  created_by_id text,
  created_by_name text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (workspace_id, id),
  unique (workspace_id, message_id),
  foreign key (workspace_id, incident_id) references incidents (workspace_id, id),
  foreign key (workspace_id, rumor_entry_id) references fact_entries (workspace_id, id),
  foreign key (workspace_id, message_id) references messages (workspace_id, id),
  constraint corrections_published_whole check ((published_at is null) = (published_truth is null))
);

create index corrections_by_incident on corrections (workspace_id, incident_id, published_at desc);
create index corrections_by_rumor on corrections (workspace_id, rumor_entry_id);
