-- The communication clocks (doctrine §1): minutes from detection to the first public message, and
-- when the referent is reminded before a deadline and an executive told after it. Reminders are
-- deliveries (kind 'notice') keyed by incident, clock, deadline, step and person: N workers send
-- each once.
alter table comms_settings add column first_message_minutes integer not null default 60 check (first_message_minutes between 15 and 60);
alter table comms_settings add column remind_before_minutes integer not null default 15 check (remind_before_minutes between 5 and 120);
alter table comms_settings add column escalate_after_minutes integer not null default 15 check (escalate_after_minutes between 5 and 240);
-- Open incidents with a deadline coming: what the reminder sweep reads every minute.
create index incidents_open_by_workspace on incidents (workspace_id) where status in ('investigating', 'identified', 'monitoring');
