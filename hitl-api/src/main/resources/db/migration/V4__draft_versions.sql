-- Every version of a draft a reviewer saved, with what changed from the one before; append-only.
create table draft_versions (
    draft_id  text        not null,
    version   integer     not null,
    draft     jsonb       not null,
    edited_by text        not null,
    edited_at timestamptz not null,
    changes   jsonb       not null,
    primary key (draft_id, version)
);
