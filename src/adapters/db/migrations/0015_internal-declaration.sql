-- An incident can be declared inside the crisis cell before anything is said: it stays internal
-- (off every status page, feed and subscriber notice) until its first public update. public_at is
-- that moment; null while the incident is internal.
alter table incidents add column public_at timestamptz;

-- Until now every incident was public from its first update.
update incidents i set public_at = first.at
from (
  select workspace_id, incident_id, min(coalesce(published_at, created_at)) as at
  from incident_updates
  group by workspace_id, incident_id
) first
where first.workspace_id = i.workspace_id and first.incident_id = i.id;
