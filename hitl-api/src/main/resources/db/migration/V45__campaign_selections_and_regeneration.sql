-- A selection names the campaign version it was made into, and a regenerate request the version
-- its draft was written for; the audit trail shows both.
alter table decisions
    add column campaign_id      text,
    add column campaign_version integer;
create index decisions_selections on decisions (campaign_id, lead_id, created_at desc) where kind = 'lead.selected';

-- Drafts by campaign, read from the draft itself; and the version a reviewer asked to have
-- written again: the draft is regenerating while that is still its current version.
alter table drafts
    add column campaign_id          text generated always as (draft ->> 'campaignId') stored,
    add column regenerating_version integer;
create index drafts_by_campaign on drafts (campaign_id, lead_id);

create or replace view audit_trail as
    select 'decision:' || id::text as id, created_at as at, reviewer as actor, 'human' as actor_kind, kind as type,
           nullif(lead_id, '-') as lead_id, subject_id,
           jsonb_strip_nulls(jsonb_build_object('comment', comment, 'campaignId', campaign_id,
                                                'campaignVersion', campaign_version)) as detail
    from decisions
    union all
    select 'agent:' || id, at, actor, 'agent', type, lead_id, subject_id, detail
    from agent_actions;
