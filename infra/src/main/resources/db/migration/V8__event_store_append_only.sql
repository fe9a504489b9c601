-- The event store is append-only, enforced by the database itself.
--
-- 1. Triggers refuse UPDATE, DELETE and TRUNCATE of stored events for every role, the table owner included.
--    Only a superuser who deliberately disables triggers for the session (session_replication_role = replica)
--    gets past them, and what such a person changes the hash chain reveals (docs/audit.md).
-- 2. The role ntm_app is what the service should connect as outside the embedded setup: it may read and append
--    events but holds no UPDATE, DELETE or TRUNCATE privilege on them (and PUBLIC holds none either).

create or replace function event_store.refuse_change() returns trigger
    language plpgsql as $$
begin
    raise exception 'event_store.% is append-only: % refused (corrections are new events)', tg_table_name, tg_op
        using errcode = '42501';
end;
$$;

create trigger domain_event_entry_append_only
    before update or delete on event_store.domain_event_entry
    for each row execute function event_store.refuse_change();
create trigger domain_event_entry_no_truncate
    before truncate on event_store.domain_event_entry
    for each statement execute function event_store.refuse_change();

revoke all on event_store.domain_event_entry from public;

do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'ntm_app') then
        create role ntm_app nologin;
    end if;
end;
$$;

grant usage on schema event_store, token_store, read_model, security, process to ntm_app;
grant select, insert on event_store.domain_event_entry to ntm_app;
grant usage, select on sequence event_store.domain_event_entry_global_index_seq to ntm_app;
-- snapshots are a cache of the events: the service replaces and prunes them
grant select, insert, update, delete on event_store.snapshot_event_entry to ntm_app;
grant select, insert, update, delete, truncate on all tables in schema token_store, read_model, security, process
    to ntm_app;
grant usage, select on all sequences in schema token_store, read_model, security, process to ntm_app;
alter default privileges in schema token_store, read_model, security, process
    grant select, insert, update, delete, truncate on tables to ntm_app;
alter default privileges in schema token_store, read_model, security, process
    grant usage, select on sequences to ntm_app;
