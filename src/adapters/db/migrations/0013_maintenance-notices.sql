-- Maintenance notices (#7): subscribers following a maintenance's components hear of it before it
-- starts, by default 24 h and 1 h ahead. Each notice is a delivery (kind 'maintenance') keyed by
-- maintenance, start, offset, channel and address, written at send time in the reader's language.
alter table comms_settings add column maintenance_notice_hours integer[] not null default '{24,1}'
  check (
    coalesce(array_ndims(maintenance_notice_hours), 1) = 1 and cardinality(maintenance_notice_hours) <= 4
    and array_position(maintenance_notice_hours, null) is null
    and 1 <= all (maintenance_notice_hours) and 168 >= all (maintenance_notice_hours)
  );
-- The nearest notice queued so far and the start it announced: the sweep every minute queues a
-- notice only when it is nearer than this one or the start moved, so N workers queue it once.
alter table maintenances add column notice_for timestamptz;
alter table maintenances add column notice_hours integer check (notice_hours between 1 and 168);
alter table deliveries add column maintenance_id text;
alter table deliveries drop constraint deliveries_kind_check;
alter table deliveries add constraint deliveries_kind_check check (kind in ('message', 'update', 'confirmation', 'notice', 'maintenance'));
create index deliveries_by_maintenance on deliveries (workspace_id, maintenance_id, channel, state) where maintenance_id is not null;
