-- Every UI sign-in is a row; signing out ends it, so the old cookie is refused on every replica.
-- The browser keeps the session id; only its SHA-256 is stored.
create table ui_sessions (
    id_hash    text primary key,
    username   text        not null,
    created_at timestamptz not null default now(),
    ended_at   timestamptz
);
create index ui_sessions_by_age on ui_sessions (created_at);

-- Failed sign-ins per account name and per source address, in a window; enough of them lock it.
create table sign_in_failures (
    scope          text        not null check (scope in ('account', 'address')),
    key            text        not null,
    failures       integer     not null,
    window_started timestamptz not null,
    locked_until   timestamptz,
    primary key (scope, key)
);
