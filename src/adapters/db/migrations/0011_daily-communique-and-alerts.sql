-- Long incidents switch to a daily communiqué at a fixed local time (OVH published every afternoon
-- for three weeks): without a promised time, the next update is due at that time.
alter table incidents add column daily_update_time text check (daily_update_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');

-- Each reminder or escalation the clock sweep raised, once per incident, clock, deadline and step,
-- with whom it went to: what the console shows a person and what someone acknowledges.
create table clock_alerts (
  workspace_id text not null,
  id text not null,
  -- c:<incident>:<clock>:<deadline ms>:<step>, like the keys of its deliveries
  alert_key text not null,
  incident_id text not null,
  clock text not null check (clock in ('first_message', 'next_update')),
  step text not null check (step in ('reminder', 'due', 'escalation')),
  due_at timestamptz not null,
  recipient_ids text[] not null default '{}',
  created_at timestamptz not null default now(),
  acknowledged_at timestamptz,
  acknowledged_by_name text,
  primary key (workspace_id, id),
  unique (workspace_id, alert_key),
  foreign key (workspace_id, incident_id) references incidents (workspace_id, id)
);
create index clock_alerts_recent on clock_alerts (workspace_id, created_at desc);

-- The crisis cell's own room: reminders and escalations go there too.
alter table channel_endpoints drop constraint channel_endpoints_purpose_check;
alter table channel_endpoints add constraint channel_endpoints_purpose_check check (purpose in ('chat', 'support_script', 'social', 'alerts'));
