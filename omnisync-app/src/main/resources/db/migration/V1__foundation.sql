-- Omnisync foundation schema.
-- Every table's key leads with workspace_id (one merchant), so the schema can be distributed by it
-- (e.g. Citus) without a rewrite. api_token's hash index is the one global lookup (a reference table there).

create table workspace (
    workspace_id bigint generated always as identity primary key,
    name         text        not null unique,
    created_at   timestamptz not null default now()
);

create table api_token (
    workspace_id bigint      not null references workspace,
    token_id     bigint generated always as identity,
    token_hash   bytea       not null,
    label        text        not null,
    created_at   timestamptz not null default now(),
    primary key (workspace_id, token_id)
);
create unique index api_token_by_hash on api_token (token_hash);

-- Catalog --------------------------------------------------------------------------------------------
create table product (
    workspace_id     bigint      not null references workspace,
    sku              text        not null,
    parent_sku       text,
    title            text,
    description      text,
    images           text[]      not null default '{}',
    price            numeric(14, 4) check (price >= 0),
    sale_price       numeric(14, 4) check (sale_price >= 0),
    msrp             numeric(14, 4) check (msrp >= 0),
    on_hand          integer     not null default 0 check (on_hand >= 0),
    reserved         integer     not null default 0 check (reserved >= 0),
    ean              text,
    upc              text,
    gtin             text,
    isbn             text,
    mpn              text,
    brand            text,
    category_path    text[]      not null default '{}',
    attributes       jsonb       not null default '{}',
    gpsr             jsonb,
    shipping_profile text,
    return_profile   text,
    fitment          jsonb       not null default '[]',
    vat_percent      numeric(6, 3) check (vat_percent >= 0),
    lot_size         integer check (lot_size > 0),
    size_chart       text,
    weight_kg        numeric(10, 3) check (weight_kg >= 0),
    enabled          boolean     not null default true,
    version          bigint      not null default 1,
    updated_at       timestamptz not null default now(),
    primary key (workspace_id, sku)
);
create index product_by_parent on product (workspace_id, parent_sku) where parent_sku is not null;
create index product_by_ean on product (workspace_id, ean) where ean is not null;
create index product_by_gtin on product (workspace_id, gtin) where gtin is not null;
create index product_by_upc on product (workspace_id, upc) where upc is not null;

-- Appended in the same transaction as every product write; the sync engine consumes it in order.
create table product_change (
    workspace_id bigint      not null,
    change_id    bigint generated always as identity,
    sku          text        not null,
    fields       text[]      not null,
    version      bigint      not null,
    changed_at   timestamptz not null default now(),
    primary key (workspace_id, change_id)
);

-- Channels -------------------------------------------------------------------------------------------
create table channel_account (
    workspace_id        bigint      not null references workspace,
    account_id          bigint generated always as identity,
    channel             text        not null,
    name                text        not null,
    region              text,
    currency            text        not null,
    create_store_orders boolean     not null default true,
    base_url            text,
    credentials         bytea,          -- AES-GCM: nonce || ciphertext || tag, never returned
    price_managed_by    text        not null default 'STORE',
    sandbox             boolean     not null default false,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    primary key (workspace_id, account_id),
    unique (workspace_id, name)
);

-- Policies -------------------------------------------------------------------------------------------
create table sync_policy (
    workspace_id bigint      not null references workspace,
    policy_id    bigint generated always as identity,
    channel      text        not null,
    name         text        not null,
    fields       text[]      not null,
    is_default   boolean     not null default false,
    version      bigint      not null default 1,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    primary key (workspace_id, policy_id),
    unique (workspace_id, channel, name)
);
create unique index sync_policy_default on sync_policy (workspace_id, channel) where is_default;

create table selling_policy (
    workspace_id bigint      not null references workspace,
    policy_id    bigint generated always as identity,
    channel      text        not null,
    name         text        not null,
    price        jsonb       not null,
    quantity     jsonb       not null,
    is_default   boolean     not null default false,
    version      bigint      not null default 1,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    primary key (workspace_id, policy_id),
    unique (workspace_id, channel, name)
);
create unique index selling_policy_default on selling_policy (workspace_id, channel) where is_default;

-- Listings -------------------------------------------------------------------------------------------
create table listing (
    workspace_id      bigint      not null,
    listing_id        bigint generated always as identity,
    account_id        bigint      not null,
    channel           text        not null,
    sku               text        not null,
    channel_ref       text,
    sync_policy_id    bigint      not null,
    selling_policy_id bigint      not null,
    inventory_sync    boolean     not null default true,
    price_managed_by  text        not null default 'STORE',
    asin_owner        boolean,
    status            text        not null default 'ACTIVE',
    online            jsonb       not null default '{}',
    last_error        text,
    last_synced_at    timestamptz,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    primary key (workspace_id, listing_id),
    unique (workspace_id, account_id, sku),
    foreign key (workspace_id, account_id) references channel_account,
    foreign key (workspace_id, sku) references product,
    foreign key (workspace_id, sync_policy_id) references sync_policy,
    foreign key (workspace_id, selling_policy_id) references selling_policy
);
create index listing_by_sku on listing (workspace_id, sku);
create index listing_by_sync_policy on listing (workspace_id, sync_policy_id);
create index listing_by_selling_policy on listing (workspace_id, selling_policy_id);
create index listing_by_channel_status on listing (workspace_id, channel, status);

-- A bulk policy change remembers each listing's previous policy, so it can be undone.
create table bulk_policy_change (
    workspace_id  bigint      not null references workspace,
    change_id     bigint generated always as identity,
    policy_kind   text        not null,   -- SYNC | SELLING
    new_policy_id bigint      not null,
    listing_count integer     not null,
    created_at    timestamptz not null default now(),
    undone_at     timestamptz,
    primary key (workspace_id, change_id)
);

create table bulk_policy_change_item (
    workspace_id       bigint not null,
    change_id          bigint not null,
    listing_id         bigint not null,
    previous_policy_id bigint not null,
    primary key (workspace_id, change_id, listing_id)
);
