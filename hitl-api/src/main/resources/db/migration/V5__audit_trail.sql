-- What the agents did, from the provenance of the records the review service reads. The id is
-- made from the record, so a replayed topic records each action once.
create table agent_actions (
    id         text primary key,
    at         timestamptz not null,
    actor      text        not null,
    type       text        not null,
    lead_id    text,
    subject_id text,
    detail     jsonb       not null
);
create index agent_actions_by_lead on agent_actions (lead_id, at desc);
create index agent_actions_by_time on agent_actions (at desc, id);
create index decisions_by_time on decisions (created_at desc, id);

-- the audit trail is append-only: nothing rewrites or removes what happened
create function forbid_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end
$$;
-- per statement, so even a statement that matches no row (or a truncate) is refused
create trigger decisions_append_only before update or delete or truncate on decisions
    for each statement execute function forbid_change();
create trigger agent_actions_append_only before update or delete or truncate on agent_actions
    for each statement execute function forbid_change();

-- every human decision and every agent action, in one place
create view audit_trail as
    select 'decision:' || id::text as id, created_at as at, reviewer as actor, 'human' as actor_kind, kind as type,
           nullif(lead_id, '-') as lead_id, subject_id, jsonb_strip_nulls(jsonb_build_object('comment', comment)) as detail
    from decisions
    union all
    select 'agent:' || id, at, actor, 'agent', type, lead_id, subject_id, detail
    from agent_actions;
