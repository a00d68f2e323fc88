-- The slot exists from the moment the outbox does, so the database keeps every outbox change
-- for the relay even if the relay starts later than this service.
select pg_create_logical_replication_slot('leadstream_outbox', 'pgoutput')
where not exists (select 1 from pg_replication_slots where slot_name = 'leadstream_outbox');
