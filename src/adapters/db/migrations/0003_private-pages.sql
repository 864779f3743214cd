-- Private status pages (an internal page for employees, a page per key customer) are served by
-- Tocsin itself, to people who give the page's password, to members of the workspace, and to
-- signed-in people whose e-mail domain the page allows.

alter table status_pages add column access_password_hash text;
alter table status_pages add column allowed_email_domains text[] not null default '{}';

create table page_access_grants (
  workspace_id text not null,
  id text not null, -- sha256 of the secret in the visitor's cookie
  page_id text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  primary key (workspace_id, id),
  foreign key (workspace_id, page_id) references status_pages (workspace_id, id)
);
