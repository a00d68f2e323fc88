-- The built-in reviewers: password hashes (PBKDF2-SHA256, salted) and roles (viewer, reviewer, admin).
create table reviewers (
    username      text primary key,
    password_hash text        not null,
    roles         text        not null,
    created_at    timestamptz not null default now()
);
