-- The lessons and actions the team writes into an incident's post-crisis report (doctrine §8: share
-- lessons). One row per incident, replaced whole by each save; the rest of the report is derived
-- from the timeline when it is read, never stored.
create table report_lessons (
  workspace_id text not null,
  incident_id text not null,
  -- [{"text": "...", "public": true}]: a public lesson also goes into the public report
  lessons jsonb not null default '[]',
  -- [{"text": "...", "owner": "...", "due_on": "2026-04-01", "done": false, "public": false}]
  actions jsonb not null default '[]',
  updated_at timestamptz not null default now(),
  updated_by_name text not null,
  version integer not null default 1,
  primary key (workspace_id, incident_id),
  foreign key (workspace_id, incident_id) references incidents (workspace_id, id)
);
