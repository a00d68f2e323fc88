-- An idempotency key is kept scoped to its reviewer, action and target (hashed together into
-- idempotency_key); request_hash is what the request asked, so a key reused for a different
-- request is refused instead of answering the first one's result.
alter table decisions add column request_hash text;
