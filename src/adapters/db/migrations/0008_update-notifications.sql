-- An incident update posted directly (the API, the CLI, an engineer's tooling) notifies the
-- subscribers when it says so (`deliver_notifications`), as an approved message does: one delivery
-- per subscriber and channel, written from the update in the subscriber's language at send time.
alter table deliveries add column update_id text;
alter table deliveries drop constraint deliveries_kind_check;
alter table deliveries add constraint deliveries_kind_check check (kind in ('message', 'update', 'confirmation', 'notice'));
create index deliveries_by_update on deliveries (workspace_id, update_id, channel, state) where update_id is not null;
