-- What moved each page's content version on: one row per page and version, naming the entity that
-- changed. A publisher that built version N reads the rows after N and re-reads only those
-- incidents instead of the whole history. The page row is locked while its version moves, so
-- versions commit in order: every row up to the version a snapshot sees is visible in it.
-- Rows older than a week are swept; a publisher missing a version reads everything again.
create table public_changes (
  workspace_id text not null,
  page_id text not null,
  version bigint not null,
  entity_type text not null,
  entity_id text not null,
  changed_at timestamptz not null default now(),
  primary key (workspace_id, page_id, version, entity_type, entity_id),
  foreign key (workspace_id, page_id) references status_pages (workspace_id, id) on delete cascade
);

create index public_changes_by_age on public_changes (changed_at);
