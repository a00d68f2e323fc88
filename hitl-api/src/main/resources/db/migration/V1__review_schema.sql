-- Read models fed from the topics, the reviewers' decisions, and the outbox Debezium relays.

create table leads (
    lead_id       text primary key,
    name          text,
    website       text,
    score         integer     not null,
    tier          char(1)     not null,
    segment       text        not null,
    status        text        not null default 'new',
    model_version text,
    lead          jsonb       not null,
    signals       jsonb,
    updated_at    timestamptz not null default now(),
    version       integer     not null default 0
);
-- the lead table's default order, walked by keyset pagination
create index leads_by_score on leads (score desc, lead_id);
create index leads_by_tier_score on leads (tier, score desc, lead_id);

create table drafts (
    draft_id   text primary key,
    lead_id    text        not null,
    version    integer     not null,
    status     text        not null default 'pending',
    draft      jsonb       not null,
    updated_at timestamptz not null default now()
);
create index drafts_by_lead on drafts (lead_id);

create table engagement (
    event_id text primary key,
    lead_id  text        not null,
    type     text        not null,
    channel  text,
    at       timestamptz,
    event    jsonb       not null
);
create index engagement_by_lead on engagement (lead_id);

create table discovery_requests (
    request_id   text primary key,
    request      jsonb       not null,
    requested_by text        not null,
    created_at   timestamptz not null default now()
);

create table decisions (
    id              uuid primary key,
    kind            text        not null,
    lead_id         text        not null,
    subject_id      text        not null,
    reviewer        text        not null,
    idempotency_key text unique,
    created_at      timestamptz not null
);
create index decisions_by_lead on decisions (lead_id);

-- Debezium's EventRouter reads: aggregatetype names the topic, aggregateid the key, payload the value
create table outbox (
    id            uuid primary key,
    aggregatetype text        not null,
    aggregateid   text        not null,
    type          text        not null,
    payload       jsonb       not null,
    created_at    timestamptz not null default now()
);

create publication leadstream_outbox for table outbox;
