-- Campaigns: what we offer and how we speak. A campaign row points at its current version; every
-- edit and every status change is a new, immutable row in campaign_versions holding the whole
-- contract record (the Campaign event) that was published for it.
create table campaigns (
    campaign_id     text primary key,
    current_version integer     not null,
    status          text        not null check (status in ('active', 'paused', 'archived')),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create index campaigns_by_status on campaigns (status, updated_at desc);

create table campaign_versions (
    campaign_id text        not null references campaigns (campaign_id),
    version     integer     not null,
    body        jsonb       not null,
    edited_by   text        not null,
    edited_at   timestamptz not null,
    -- what this version changed against the one before: [{field, from, to}]; empty for the first
    changes     jsonb       not null,
    -- the decision (audit trail, idempotency key) that made this version
    decision_id uuid        not null unique references decisions (id),
    primary key (campaign_id, version)
);

-- a version, once published, is history: nothing rewrites or removes it
create trigger campaign_versions_append_only before update or delete or truncate on campaign_versions
    for each statement execute function forbid_change();
