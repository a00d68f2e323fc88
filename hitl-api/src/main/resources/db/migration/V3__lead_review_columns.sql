-- The lead table's filters, sorts, facets and full-text search read plain columns, written by
-- the projector from each scored lead, so every query can use an index.
alter table leads
    add column sector      text,
    add column country     text,
    add column region      text,
    add column city        text,
    add column has_email   boolean not null default false,
    add column has_phone   boolean not null default false,
    add column request_ids text[]  not null default '{}',
    add column search      tsvector generated always as (
        setweight(to_tsvector('simple', coalesce(name, '')), 'A') ||
        setweight(to_tsvector('simple', coalesce(sector, '') || ' ' || coalesce(city, '')), 'B') ||
        setweight(to_tsvector('simple', coalesce(lead ->> 'description', '') || ' ' || coalesce(lead ->> 'address', '')), 'C')
    ) stored;

create index leads_search on leads using gin (search);
create index leads_by_request on leads using gin (request_ids);
-- keyset walks for each sort; the filters narrow a walk, or use the combined indexes below
create index leads_by_name on leads (name, lead_id);
create index leads_by_updated on leads (updated_at, lead_id);
create index leads_by_sector_score on leads (sector, score desc, lead_id);
create index leads_by_place_score on leads (country, city, score desc, lead_id);
create index leads_by_status_score on leads (status, score desc, lead_id);

-- where each discovery request stands, from discovery-progress (compacted, latest wins)
create table discovery_progress (
    request_id text primary key,
    state      text        not null,
    progress   jsonb       not null,
    updated_at timestamptz not null
);

-- why a reviewer decided, where they said so (bulk reject asks for it)
alter table decisions add column comment text;
