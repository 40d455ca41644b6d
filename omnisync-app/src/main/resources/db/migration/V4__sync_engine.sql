-- The sync engine's state: one revision row per listing with due work, asynchronous submissions awaiting
-- their result, and the sync log. All of it in PostgreSQL so that a crash at any point loses nothing.

-- One row per listing with work due. It holds no values: values are computed when sent, so an older
-- value can never overtake a newer one. Fields are OR-ed together; priority is the most urgent reason.
create table revision (
    workspace_id     bigint      not null,
    listing_id       bigint      not null,
    account_id       bigint      not null,
    fields           text[]      not null,
    priority         smallint    not null,          -- 0 quantity cut to zero/low stock, 1 quantity, 2 price, 3 content
    due_at           timestamptz not null default now(),
    first_changed_at timestamptz not null default now(),  -- the oldest unsent change: latency is measured from it
    generation       bigint      not null default 1,      -- bumped by every re-plan: an outcome clears only its own
    attempts         integer     not null default 0,
    lease_owner      text,
    lease_until      timestamptz,
    primary key (workspace_id, listing_id)
);
create index revision_due on revision (workspace_id, account_id, priority, due_at);

-- Submissions a channel processes asynchronously (Amazon listings feed, Walmart feeds, Mirakl imports,
-- OTTO price tasks); polled until the channel reports each item's result.
create table pending_job (
    workspace_id bigint      not null,
    job_id       bigint generated always as identity,
    account_id   bigint      not null,
    channel_job  text        not null,
    job_kind     text        not null,
    items        jsonb       not null,       -- [{listingId, sku, fields, generation}]
    submitted_at timestamptz not null default now(),
    next_poll_at timestamptz not null default now(),
    primary key (workspace_id, job_id)
);
create index pending_job_due on pending_job (next_poll_at);

-- Every decision, with its reasons and the Selling Policy's arithmetic. Retention is bounded (settings).
create table sync_log (
    workspace_id     bigint      not null,
    log_id           bigint generated always as identity,
    at               timestamptz not null default now(),
    listing_id       bigint,
    account_id       bigint,
    channel          text,
    sku              text,
    decision         text        not null,   -- SENT | ACCEPTED | QUEUED | SKIPPED | FAILED | RETRY | QUARANTINED | NOTE
    fields           text[]      not null default '{}',
    reasons          text[]      not null default '{}',
    arithmetic       text,
    channel_response text,
    latency_ms       bigint,
    primary key (workspace_id, log_id)
);
create index sync_log_by_listing on sync_log (workspace_id, listing_id, log_id desc);
create index sync_log_by_sku on sync_log (workspace_id, sku, log_id desc);
create index sync_log_by_at on sync_log (at);

-- Listings to re-plan because something other than their product changed (policy edit, bulk policy change,
-- new link, per-item flag). Written in the same transaction as that change, drained by the planner.
create table replan (
    workspace_id bigint      not null,
    listing_id   bigint      not null,
    requested_at timestamptz not null default now(),
    primary key (workspace_id, listing_id)
);

-- Revisions a listing used per day on channels that budget them (eBay: 250 per listing per day).
create table revision_budget (
    workspace_id bigint  not null,
    listing_id   bigint  not null,
    day          date    not null,
    used         integer not null default 0,
    primary key (workspace_id, listing_id, day)
);

-- The planner marks change records as planned rather than deleting them, so they stay readable as the
-- store's change history; planned records older than the retention are removed.
alter table product_change add column planned_at timestamptz;
create index product_change_unplanned on product_change (change_id) where planned_at is null;

-- Prices the channel showed for a listing that Omnisync did not send: seen often enough, the listing is
-- taken to be managed by an external repricer.
create table foreign_price (
    workspace_id bigint      not null,
    listing_id   bigint      not null,
    sightings    integer     not null default 0,
    last_price   text        not null,
    last_seen_at timestamptz not null default now(),
    primary key (workspace_id, listing_id)
);
