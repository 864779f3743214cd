-- Listening intake (doctrine §7: watch what is said): feeds and Mastodon timelines polled for
-- keywords; what matches lands in an inbox as mentions, dismissed or turned into fact-sheet rumors.
create table listening_sources (
  workspace_id text not null references workspaces (id),
  id text not null,
  name text not null,
  -- feed: RSS 2.0 or Atom 1.0, told apart on each fetch; mastodon: an instance's public API
  kind text not null check (kind in ('feed', 'mastodon')),
  -- the feed's address, or the Mastodon instance's base URL
  url text not null,
  -- mastodon only: the hashtag timeline read (without #); null reads the public timeline
  hashtag text,
  keywords text[] not null default '{}',
  enabled boolean not null default true,
  -- the least time between two polls: also the rate limit a source is held to
  poll_every_seconds integer not null default 300 check (poll_every_seconds between 60 and 86400),
  -- where the next poll resumes: {etag, last_modified, format} for a feed, {min_id} for Mastodon
  cursor jsonb not null default '{}',
  last_polled_at timestamptz,
  next_poll_at timestamptz not null,
  last_error text,
  -- the source asked (Retry-After on a 429 or 503) not to be asked again before then; polling now waits too
  held_until timestamptz,
  -- consecutive failed polls: the backoff grows with them, a success resets them
  failures integer not null default 0,
  -- a poll in progress holds the source until then, so two workers never poll it at once
  leased_until timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (workspace_id, id),
  constraint listening_sources_hashtag check (kind = 'mastodon' or hashtag is null)
);
create index listening_sources_due on listening_sources (next_poll_at) where enabled;

create table mentions (
  workspace_id text not null references workspaces (id),
  id text not null,
  -- null once its source is deleted: a decided mention stays, as its rumor's origin
  source_id text,
  source_name text not null,
  -- the item's id at its source: RSS guid, Atom id, Mastodon status id
  external_id text not null,
  url text,
  author text,
  text text not null,
  -- when the source says it was published, else when it was first seen: the inbox's order
  published_at timestamptz not null,
  keywords text[] not null default '{}',
  state text not null default 'new' check (state in ('new', 'dismissed', 'rumor')),
  incident_id text,
  rumor_entry_id text,
  fetched_at timestamptz not null,
  decided_at timestamptz,
  decided_by_name text,
  primary key (workspace_id, id),
  -- the same item polled again is not a new mention
  unique (workspace_id, source_id, external_id),
  foreign key (workspace_id, source_id) references listening_sources (workspace_id, id) on delete set null (source_id),
  foreign key (workspace_id, incident_id) references incidents (workspace_id, id),
  constraint mentions_rumor_linked check ((state = 'rumor') = (rumor_entry_id is not null))
);
-- the same post seen through two sources (a feed and a hashtag) is one mention
create unique index mentions_url on mentions (workspace_id, url) where url is not null;
create index mentions_inbox on mentions (workspace_id, state, published_at desc);
