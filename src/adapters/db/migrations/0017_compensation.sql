-- Compensation (doctrine §8: a gesture proportionate to the inconvenience, made public): a gesture
-- defined for an incident, with who is eligible, announced through a message of stage
-- "compensation", then tracked in the fact sheet as a promise until it is delivered.
create table compensation_gestures (
  workspace_id text not null references workspaces (id),
  id text not null,
  incident_id text not null,
  kind text not null check (kind in ('credit', 'free_period', 'refund')),
  -- credit and refund: an amount in the currency's minor unit (cents); a refund may name none ("the month's fee")
  amount_minor integer check (amount_minor is null or amount_minor > 0),
  currency text check (currency is null or currency ~ '^[A-Z]{3}$'),
  -- free_period: how many days or months are offered
  period_count integer check (period_count is null or period_count between 1 and 1000),
  period_unit text check (period_unit is null or period_unit in ('day', 'month')),
  -- what customers read, per language ("on your next invoice")
  description_fr text not null default '',
  description_en text not null default '',
  -- eligibility: subscribers of these components (empty: of any), in these segments (empty: any),
  -- subscribed before covered_to; covered_from..covered_to is the period the gesture makes up for
  component_ids text[] not null default '{}',
  segments text[] not null default '{}',
  covered_from timestamptz not null,
  covered_to timestamptz not null,
  -- when the gesture will have been delivered: the promise's due time
  due_at timestamptz,
  state text not null default 'draft' check (state in ('draft', 'announcing', 'announced', 'delivering', 'delivered', 'cancelled')),
  -- the announcement (a message of stage compensation) and the promise its publication recorded
  message_id text,
  promise_entry_id text,
  announced_at timestamptz,
  delivery_started_at timestamptz,
  delivered_at timestamptz,
  cancelled_at timestamptz,
  cancel_reason text,
  author_type text not null,
  author_id text,
  author_name text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (workspace_id, id),
  foreign key (workspace_id, incident_id) references incidents (workspace_id, id),
  constraint compensation_gestures_period check (covered_from <= covered_to),
  constraint compensation_gestures_terms check (
    (kind = 'credit' and amount_minor is not null and currency is not null and period_count is null and period_unit is null)
    or (kind = 'refund' and (amount_minor is null) = (currency is null) and period_count is null and period_unit is null)
    or (kind = 'free_period' and amount_minor is null and currency is null and period_count is not null and period_unit is not null)
  )
);
create index compensation_gestures_incident on compensation_gestures (workspace_id, incident_id, created_at);
create unique index compensation_gestures_message on compensation_gestures (workspace_id, message_id) where message_id is not null;

-- Customer segments ("pro", "enterprise", "public sector") a subscriber belongs to: what a gesture's
-- eligibility may be narrowed to. Set through the subscriber API and the CSV import.
create table subscriber_segments (
  workspace_id text not null,
  subscriber_id text not null,
  segment text not null check (segment ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
  primary key (workspace_id, subscriber_id, segment),
  foreign key (workspace_id, subscriber_id) references subscribers (workspace_id, id) on delete cascade
);
create index subscriber_segments_segment on subscriber_segments (workspace_id, segment);
