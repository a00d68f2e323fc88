-- Every record an agent could not process, from the <topic>.dlq topics, keyed by where it sits
-- in its DLQ so a replay records it once.
create table dead_letters (
    dlq_topic    text        not null,
    dlq_partition integer    not null,
    dlq_offset   bigint      not null,
    agent        text        not null,
    source_topic text,
    reason       text,
    at           timestamptz not null,
    primary key (dlq_topic, dlq_partition, dlq_offset)
);
create index dead_letters_by_agent on dead_letters (agent, at);
create index engagement_by_time on engagement (at);
