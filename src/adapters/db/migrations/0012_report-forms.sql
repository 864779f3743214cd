-- The forms of the reports an incident owes (regulatory.md §2.1–2.5): what a person wrote for each
-- content item. What the fact sheet says is prefilled when the form is read, never stored here, so a
-- newer fact shows up until someone writes their own answer over it.
create table regulatory_reports (
  workspace_id text not null,
  incident_id text not null,
  -- a deadline id: 'gdpr.authority', 'nis2.early_warning', 'dora.initial'…
  report text not null,
  -- content key → the text written; an empty string keeps an item empty over its prefill
  answers jsonb not null default '{}',
  updated_at timestamptz not null default now(),
  updated_by_name text not null,
  version integer not null default 1,
  primary key (workspace_id, incident_id, report),
  foreign key (workspace_id, incident_id) references incidents (workspace_id, id)
);
