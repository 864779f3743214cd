-- What a status page shows besides its incidents (component groups, components, their status
-- history, maintenances with their updates and components) moves each of the workspace's pages'
-- `inputs_version` on, by trigger, whichever code path wrote it: a publisher that remembers its
-- last build reads these tables again only when the version moved, and otherwise reuses what it
-- read. The trigger updates the same page rows that the change's own journal entry updates
-- (`content_version`), so it takes no lock the transaction would not take anyway.
alter table status_pages add column inputs_version bigint not null default 0;

create function move_page_inputs_version() returns trigger language plpgsql as $$
begin
  update status_pages set inputs_version = inputs_version + 1
  where workspace_id in (select distinct workspace_id from changed_rows);
  return null;
end $$;

-- One trigger per table and event: a trigger with a transition table has a single event.
do $$
declare
  input text;
begin
  foreach input in array array['component_groups', 'components', 'component_status_changes', 'maintenances', 'maintenance_updates', 'maintenance_components'] loop
    execute format('create trigger %I after insert on %I referencing new table as changed_rows for each statement execute function move_page_inputs_version()', input || '_inserted', input);
    execute format('create trigger %I after update on %I referencing new table as changed_rows for each statement execute function move_page_inputs_version()', input || '_updated', input);
    execute format('create trigger %I after delete on %I referencing old table as changed_rows for each statement execute function move_page_inputs_version()', input || '_deleted', input);
  end loop;
end $$;
