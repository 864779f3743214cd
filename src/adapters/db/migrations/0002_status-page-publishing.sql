-- Publishing status pages: each page carries the version of its public content and the version
-- last published, so a burst of changes is built once, N workers never build the same version
-- twice at once (a lease), and a failed publish is retried with backoff until it catches up.

alter table status_pages add column content_version bigint not null default 1;
alter table status_pages add column published_version bigint not null default 0;
alter table status_pages add column build_lease_until timestamptz;
alter table status_pages add column published_at timestamptz;
alter table status_pages add column publish_failures integer not null default 0;
alter table status_pages add column next_publish_at timestamptz;
alter table status_pages add column last_publish_error text;

create index status_pages_to_publish on status_pages (next_publish_at) where content_version > published_version;

-- Where each page is published besides Tocsin's own folder. Credentials are never stored here:
-- `config` names the environment variables that hold them.
create table publish_targets (
  workspace_id text not null,
  id text not null,
  page_id text not null,
  kind text not null check (kind in ('folder', 's3', 'git')),
  config jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  published_version bigint not null default 0,
  published_at timestamptz,
  last_error text,
  primary key (workspace_id, id),
  foreign key (workspace_id, page_id) references status_pages (workspace_id, id)
);

-- Wakes the publishers (LISTEN tocsin_publish) when a page's content moves on; PostgreSQL delivers
-- the notification at commit, and drops duplicates within one transaction.
create function notify_status_page_stale() returns trigger language plpgsql as $$
begin
  perform pg_notify('tocsin_publish', new.workspace_id);
  return null;
end;
$$;
create trigger status_pages_stale after insert or update of content_version on status_pages
  for each row execute function notify_status_page_stale();
