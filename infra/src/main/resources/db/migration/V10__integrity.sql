-- Tamper evidence (docs/audit.md). Every stored event is linked into a hash chain in the order the chainer saw
-- it: hash(n) = SHA-256(hash(n-1) || content(n)), content = SHA-256 of the event's canonical form. Checkpoints
-- sign a chain position with the service's Ed25519 key. Both tables are append-only like the events.
create schema if not exists integrity;

create table integrity.chain_link (
    seq              bigint       primary key,
    global_index     bigint       not null unique,
    event_identifier varchar(255) not null,
    content_hash     bytea        not null,
    hash             bytea        not null,
    linked_at        timestamptz  not null
);

create table integrity.checkpoint (
    seq          bigint       primary key,
    global_index bigint       not null,
    chain_hash   bytea        not null,
    signed_at    timestamptz  not null,
    key_id       varchar(64)  not null,
    signature    bytea        not null
);

-- Events stored before events were sealed (before this migration) carry no seal; verify accepts that only for them.
create table integrity.legacy_boundary (
    global_index bigint not null
);
insert into integrity.legacy_boundary
    select coalesce(max(global_index), 0) from event_store.domain_event_entry;

create trigger chain_link_append_only
    before update or delete on integrity.chain_link
    for each row execute function event_store.refuse_change();
create trigger chain_link_no_truncate
    before truncate on integrity.chain_link
    for each statement execute function event_store.refuse_change();
create trigger checkpoint_append_only
    before update or delete on integrity.checkpoint
    for each row execute function event_store.refuse_change();
create trigger checkpoint_no_truncate
    before truncate on integrity.checkpoint
    for each statement execute function event_store.refuse_change();
create trigger legacy_boundary_append_only
    before update or delete on integrity.legacy_boundary
    for each row execute function event_store.refuse_change();

revoke all on integrity.chain_link, integrity.checkpoint, integrity.legacy_boundary from public;
grant usage on schema integrity to ntm_app;
grant select, insert on integrity.chain_link, integrity.checkpoint to ntm_app;
grant select on integrity.legacy_boundary to ntm_app;
