-- Measured with 1,000,000 leads (docs/benchmarks.md).
-- A score sort orders by (score desc, lead_id desc), or both ascending: an index on (score,
-- lead_id) serves either, walked backwards or forwards. The earlier (score desc, lead_id) served
-- neither, so the best-first page read the whole table.
drop index leads_by_score;
create index leads_by_score on leads (score, lead_id);
drop index leads_by_sector_score;
create index leads_by_sector_score on leads (sector, score, lead_id);
drop index leads_by_status_score;
create index leads_by_status_score on leads (status, score, lead_id);
create index leads_by_tier_filter_score on leads (tier, score, lead_id);
-- place filters compare lower-cased values, and the name sort orders by coalesce(name, '')
drop index leads_by_place_score;
create index leads_by_place_score on leads (lower(country), lower(city), score, lead_id);
create index leads_by_city_score on leads (lower(city), score, lead_id);
drop index leads_by_name;
create index leads_by_name on leads (coalesce(name, ''), lead_id);
-- the facet counts read only these columns: an index-only scan instead of the wide rows
create index leads_facets on leads (sector, tier, status, segment, country, city, has_email, has_phone, score);
-- statistics for the new expressions, so the planner knows how many leads a city has
analyze leads;
