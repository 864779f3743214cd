-- Every channel at once (doctrine §5): who hears from Tocsin — a status page's subscribers and the
-- team's own endpoints (chat, support desk, Mastodon) — and one delivery per message variant and
-- recipient, created in the publish transaction and sent by the workers. Replaces the outbox.

drop table outbox;

-- A status page's subscriber on one channel: an e-mail address, a phone number (E.164) or a
-- webhook URL. Self-service subscriptions stay pending until confirmed (double opt-in).
create table subscribers (
  workspace_id text not null references workspaces (id),
  id text not null,
  page_id text not null,
  channel text not null check (channel in ('email', 'sms', 'webhook')),
  -- normalized: e-mail lower-cased, phone E.164, URL as parsed
  address text not null,
  language text not null check (language in ('fr', 'en')),
  -- false: only incidents on the components in subscriber_components
  all_components boolean not null default true,
  state text not null default 'pending' check (state in ('pending', 'active', 'unsubscribed')),
  -- the capability in every link sent to the subscriber (confirm, preferences, unsubscribe)
  manage_token text not null,
  -- SMS confirmation: the code's SHA-256, its expiry and the wrong attempts so far
  confirm_code_hash text,
  confirm_expires_at timestamptz,
  confirm_attempts integer not null default 0,
  -- a webhook subscriber's signing secret (whsec_…), shown once when created
  webhook_secret text,
  consecutive_failures integer not null default 0,
  disabled_at timestamptz,
  disabled_reason text,
  source text not null check (source in ('self', 'admin', 'import')),
  created_at timestamptz not null default now(),
  confirmed_at timestamptz,
  unsubscribed_at timestamptz,
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (workspace_id, id),
  unique (workspace_id, page_id, channel, address),
  unique (workspace_id, manage_token),
  foreign key (workspace_id, page_id) references status_pages (workspace_id, id)
);
create index subscribers_active on subscribers (workspace_id, channel, id) where state = 'active' and disabled_at is null;

create table subscriber_components (
  workspace_id text not null,
  subscriber_id text not null,
  component_id text not null,
  primary key (workspace_id, subscriber_id, component_id),
  foreign key (workspace_id, subscriber_id) references subscribers (workspace_id, id) on delete cascade,
  foreign key (workspace_id, component_id) references components (workspace_id, id) on delete cascade
);

-- Addresses nothing is sent to any more: a hard bounce, a complaint, or an administrator's choice.
create table suppressions (
  workspace_id text not null references workspaces (id),
  channel text not null check (channel in ('email', 'sms')),
  address text not null,
  reason text not null check (reason in ('bounce', 'complaint', 'manual')),
  detail text,
  created_at timestamptz not null default now(),
  primary key (workspace_id, channel, address)
);

-- The team's own destinations: chat rooms, the support desk, a Mastodon account. Each receives the
-- variants of one purpose for one audience, in one language or, when null, the workspace's.
create table channel_endpoints (
  workspace_id text not null references workspaces (id),
  id text not null,
  name text not null,
  kind text not null check (kind in ('slack', 'teams', 'discord', 'google_chat', 'mattermost', 'email', 'webhook', 'mastodon')),
  purpose text not null check (purpose in ('chat', 'support_script', 'social')),
  audience text not null,
  language text check (language in ('fr', 'en')),
  -- an e-mail address for kind email, else the URL (Mastodon: the instance)
  target text not null,
  -- a webhook's signing secret or a Mastodon access token; never returned by the API
  secret text,
  enabled boolean not null default true,
  consecutive_failures integer not null default 0,
  disabled_at timestamptz,
  disabled_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (workspace_id, id),
  unique (workspace_id, name)
);

-- One message to one recipient on one channel. Created pending (in the transaction that decided
-- it), claimed by a worker for a lease, then sent, failed (refused for good), dead (out of retries:
-- the dead letters an operator replays) or cancelled (the recipient left before it went).
create table deliveries (
  workspace_id text not null references workspaces (id),
  id bigint generated always as identity,
  -- why it exists, unique per workspace: what the recipient gets at most once
  dedupe_key text not null,
  kind text not null check (kind in ('message', 'confirmation', 'notice')),
  message_id text,
  variant_id text,
  channel text not null check (channel in ('email', 'sms', 'webhook', 'chat', 'support_script', 'social')),
  subscriber_id text,
  endpoint_id text,
  address text not null,
  language text not null check (language in ('fr', 'en')),
  -- the content of a one-off delivery (a confirmation), cleared once sent
  payload jsonb,
  state text not null default 'pending' check (state in ('pending', 'sending', 'sent', 'failed', 'dead', 'cancelled')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  lease_until timestamptz,
  lease_token text,
  sent_at timestamptz,
  last_error text,
  response text,
  provider_id text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  unique (workspace_id, dedupe_key)
);
-- What workers claim: due pending rows, and rows whose worker's lease ran out (it died mid-batch).
create index deliveries_due on deliveries (next_attempt_at, id) where state = 'pending';
create index deliveries_leased on deliveries (lease_until) where state = 'sending';
create index deliveries_by_message on deliveries (workspace_id, message_id, channel, state);
create index deliveries_dead on deliveries (workspace_id, id) where state in ('dead', 'failed');

-- Workers wake at the commit that created deliveries (one NOTIFY per transaction); a periodic
-- sweep picks up retries that come due.
create function notify_deliveries() returns trigger language plpgsql as $$
begin
  perform pg_notify('tocsin_deliveries', '');
  return null;
end;
$$;
create trigger deliveries_created after insert on deliveries for each statement execute function notify_deliveries();
