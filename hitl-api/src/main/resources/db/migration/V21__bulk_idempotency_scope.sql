-- A bulk call's Idempotency-Key covers the whole call: every decision it made carries the key's
-- scope (reviewer, action, key) hashed, and the hash of the whole request, so the same key with
-- other leads is refused instead of deciding them too.
alter table decisions add column idempotency_scope text;
create index decisions_idempotency_scope on decisions (idempotency_scope) where idempotency_scope is not null;
