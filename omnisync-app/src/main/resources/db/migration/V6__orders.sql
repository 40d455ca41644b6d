-- Orders back from the channels, and the stock ledger they move.
-- Idempotency lives in keys: a channel order line is stored once per (workspace, account, channel order id, line id),
-- a reservation once per order reference, a sale once per order reference.

-- Stock ledger (catalog) -----------------------------------------------------------------------------
-- One row per order line holding stock back; product.reserved is the sum of these rows per SKU.
create table stock_reservation (
    workspace_id bigint      not null,
    order_ref    text        not null,
    sku          text        not null,
    quantity     integer     not null check (quantity > 0),
    reserved_at  timestamptz not null default now(),
    primary key (workspace_id, order_ref)
);
create index stock_reservation_by_sku on stock_reservation (workspace_id, sku);

-- One row per order line whose sale lowered on-hand stock: a restock removes it, so units come back once.
create table stock_sale (
    workspace_id bigint      not null,
    order_ref    text        not null,
    sku          text        not null,
    quantity     integer     not null check (quantity > 0),
    sold_at      timestamptz not null default now(),
    primary key (workspace_id, order_ref)
);

-- Channel orders (order) ---------------------------------------------------------------------------
create table channel_order (
    workspace_id     bigint      not null,
    order_id         bigint generated always as identity,
    account_id       bigint      not null,
    channel          text        not null,
    channel_order_id text        not null,
    state            text        not null,   -- the channel's latest: OPEN | SHIPPED | CANCELLED | RETURNED
    currency         text,
    channel_changed_at timestamptz,
    imported_at      timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    primary key (workspace_id, order_id),
    unique (workspace_id, account_id, channel_order_id)
);
create index channel_order_by_channel on channel_order (workspace_id, channel, order_id desc);

create table channel_order_line (
    workspace_id     bigint      not null,
    account_id       bigint      not null,
    channel_order_id text        not null,
    line_id          text        not null,
    order_id         bigint      not null,
    sku              text,
    quantity         integer     not null,
    unit_price       numeric(14, 4),
    status           text        not null,   -- OPEN | SHIPPED | CANCELLED | RETURNED, only ever moves forward
    stock            text        not null,   -- RESERVED | SOLD | RELEASED | RESTOCKED | UNTRACKED | UNMATCHED | NONE
    order_ref        text        not null,   -- the stock ledger's reference of this line
    updated_at       timestamptz not null default now(),
    primary key (workspace_id, account_id, channel_order_id, line_id)
);
create index channel_order_line_by_order on channel_order_line (workspace_id, order_id);
create index channel_order_line_reserved on channel_order_line (workspace_id, account_id) where stock = 'RESERVED';

-- The store order created for a channel order when the account's createStoreOrders is on.
create table store_order (
    workspace_id   bigint      not null,
    store_order_id bigint generated always as identity,
    order_id       bigint      not null,
    state          text        not null default 'PLACED',   -- PLACED | CANCELLED
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    primary key (workspace_id, store_order_id),
    unique (workspace_id, order_id)
);

-- Where order polling stands per account; saved only after the orders of the window are stored.
create table order_cursor (
    workspace_id  bigint      not null,
    account_id    bigint      not null,
    changed_since timestamptz not null,
    polled_at     timestamptz not null default now(),
    primary key (workspace_id, account_id)
);
