-- Wakes the outbox relay when a transaction that wrote outbox rows commits (PostgreSQL delivers a
-- notification only on commit, once per transaction), so the relay need not poll the change
-- stream often. The channel is the relay's RelayConfig.NOTIFY_CHANNEL.
create function outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('leadstream_outbox', '');
    return null;
end $$;

create trigger outbox_wakes_the_relay after insert on outbox
    for each statement execute function outbox_notify();
