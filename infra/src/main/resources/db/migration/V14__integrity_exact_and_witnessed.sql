-- Tamper evidence, second scheme (docs/audit.md "Tamper evidence").
--
-- 1. Seals cover the stored bytes exactly. The seal (HMAC-SHA256 with the service's key) of every new event is kept
--    in a column of its own, computed over the event's stored form: each column as stored, length-prefixed, so two
--    different stored rows never share a form (the first scheme sealed a canonical JSON form inside the metadata,
--    which mapped e.g. trailing bytes after the JSON, or a lone surrogate and '?', to one form).
-- 2. Chain links of new events hash that exact stored form (integrity.content_v2) and name the unit the event's
--    stream belongs to (stream_key), so an exported history can prove it holds every event of its unit.
-- 3. The service appends links and checkpoints only through the functions below, which compute and check what they
--    write; ntm_app holds no INSERT on those tables.
-- 4. The boundaries below which older schemes apply are append-protected (INSERT too) and stated in every signed
--    checkpoint, so moving one is seen against any checkpoint held outside the database.

alter table event_store.domain_event_entry add column seal bytea;

-- Events at or below this position were stored under the first scheme (seal in the metadata, canonical form).
create table integrity.scheme_boundary (
    global_index bigint not null
);
insert into integrity.scheme_boundary
    select coalesce(max(global_index), 0) from event_store.domain_event_entry;

create trigger scheme_boundary_append_only
    before insert or update or delete on integrity.scheme_boundary
    for each row execute function event_store.refuse_change();
create trigger scheme_boundary_no_truncate
    before truncate on integrity.scheme_boundary
    for each statement execute function event_store.refuse_change();
-- V10 protected the unsealed boundary against UPDATE and DELETE only: a second row could be inserted
create trigger legacy_boundary_no_insert
    before insert on integrity.legacy_boundary
    for each row execute function event_store.refuse_change();
create trigger legacy_boundary_no_truncate
    before truncate on integrity.legacy_boundary
    for each statement execute function event_store.refuse_change();

-- This store's identity, stated in every signed checkpoint: a witness holding another store's checkpoints is seen.
create table integrity.store_identity (
    store_id   uuid        not null,
    created_at timestamptz not null
);
insert into integrity.store_identity values (gen_random_uuid(), now());
create trigger store_identity_append_only
    before insert or update or delete on integrity.store_identity
    for each row execute function event_store.refuse_change();
create trigger store_identity_no_truncate
    before truncate on integrity.store_identity
    for each statement execute function event_store.refuse_change();

alter table integrity.chain_link add column stream_key text;
-- the link's number among the links of its stream key (1, 2, …): an export proves it starts at its unit's first
alter table integrity.chain_link add column key_seq bigint;
create index chain_link_stream_key_idx on integrity.chain_link (stream_key, key_seq);
-- format 1: "ntm-records checkpoint v1" message; 2: v2, which also states both boundaries
alter table integrity.checkpoint add column format smallint not null default 1;
alter table integrity.checkpoint add column unsealed_up_to bigint;
alter table integrity.checkpoint add column scheme_up_to bigint;
alter table integrity.checkpoint add column store_id uuid;

-- One field of a stored form: 4-byte big-endian length and the bytes, or ff ff ff ff for SQL null.
create function integrity.field(b bytea) returns bytea
    language sql immutable parallel safe
    set search_path = pg_catalog, pg_temp
    as $$ select case when b is null then '\xffffffff'::bytea else int4send(length(b)) || b end $$;
create function integrity.field(t text) returns bytea
    language sql immutable parallel safe
    set search_path = pg_catalog, pg_temp
    as $$ select integrity.field(convert_to(t, 'UTF8')) $$;

-- The content hash of a stored event under the second scheme: SHA-256 of
--   "ntm-records event v2\n" || field(global_index) || field(event_identifier) || field(aggregate_identifier)
--   || field(sequence_number) || field(type) || field(time_stamp) || field(payload_type) || field(payload_revision)
--   || field(payload) || field(meta_data) || field(seal)
-- (numbers as decimal text). The seal is HMAC-SHA256 over the same form without global_index and seal, after the
-- prefix "ntm-records seal v2\n". org.ntmrecords.infra.integrity.StoredForm computes both in Java.
create function integrity.content_v2(e event_store.domain_event_entry) returns bytea
    language sql immutable parallel safe
    set search_path = pg_catalog, pg_temp
    as $$
    select sha256(convert_to(E'ntm-records event v2\n', 'UTF8')
        || integrity.field(e.global_index::text) || integrity.field(e.event_identifier)
        || integrity.field(e.aggregate_identifier) || integrity.field(e.sequence_number::text)
        || integrity.field(e.type) || integrity.field(e.time_stamp) || integrity.field(e.payload_type)
        || integrity.field(e.payload_revision) || integrity.field(e.payload) || integrity.field(e.meta_data)
        || integrity.field(e.seal))
    $$;

-- Appends the events at these positions to the chain, in this order, skipping those linked already. Under the
-- second scheme the content is computed here from the row (a content given by the caller must equal it) and the
-- link hash is SHA-256(previous || content || SHA-256(stream key) || key_seq as 8 bytes); at or below the scheme boundary the caller gives
-- the first scheme's content and the link is SHA-256(previous || content). Returns the links written.
create function integrity.append_links(p_positions bigint[], p_contents bytea[], p_keys text[], p_linked_at timestamptz)
    returns table (link_seq bigint, link_global_index bigint, link_hash bytea)
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
    as $$
declare
    v_seq      bigint;
    v_previous bytea;
    v_boundary bigint;
    v_event    event_store.domain_event_entry;
    v_content  bytea;
    v_hash     bytea;
    v_key_seq  bigint;
begin
    if coalesce(array_length(p_positions, 1), 0) <> coalesce(array_length(p_contents, 1), 0)
       or coalesce(array_length(p_positions, 1), 0) <> coalesce(array_length(p_keys, 1), 0) then
        raise exception 'append_links: positions, contents and keys differ in length' using errcode = '22023';
    end if;
    perform pg_advisory_xact_lock(7346198410552);
    select c.seq, c.hash into v_seq, v_previous from integrity.chain_link c order by c.seq desc limit 1;
    if v_seq is null then
        v_seq := 0;
        v_previous := decode(repeat('00', 32), 'hex');
    end if;
    select max(b.global_index) into v_boundary from integrity.scheme_boundary b;
    for i in 1 .. coalesce(array_length(p_positions, 1), 0) loop
        if exists (select 1 from integrity.chain_link c where c.global_index = p_positions[i]) then
            continue;
        end if;
        select * into v_event from event_store.domain_event_entry d where d.global_index = p_positions[i];
        if not found then
            raise exception 'append_links: no event at position %', p_positions[i] using errcode = '22023';
        end if;
        if p_positions[i] > coalesce(v_boundary, 0) then
            v_content := integrity.content_v2(v_event);
            if p_contents[i] is not null and p_contents[i] <> v_content then
                raise exception 'append_links: the event at position % is not what the service read', p_positions[i]
                    using errcode = '22023';
            end if;
            if p_keys[i] is null then
                raise exception 'append_links: no stream key for position %', p_positions[i] using errcode = '22023';
            end if;
            select coalesce(max(c.key_seq), 0) + 1 into v_key_seq from integrity.chain_link c
             where c.stream_key = p_keys[i];
            v_hash := sha256(v_previous || v_content || sha256(convert_to(p_keys[i], 'UTF8')) || int8send(v_key_seq));
        else
            if p_contents[i] is null then
                raise exception 'append_links: no content for position %', p_positions[i] using errcode = '22023';
            end if;
            v_content := p_contents[i];
            v_key_seq := null;
            v_hash := sha256(v_previous || v_content);
        end if;
        v_seq := v_seq + 1;
        insert into integrity.chain_link (seq, global_index, event_identifier, content_hash, hash, linked_at, stream_key,
                                          key_seq)
        values (v_seq, p_positions[i], v_event.event_identifier, v_content, v_hash, p_linked_at,
                case when p_positions[i] > coalesce(v_boundary, 0) then p_keys[i] end, v_key_seq);
        link_seq := v_seq;
        link_global_index := p_positions[i];
        link_hash := v_hash;
        return next;
        v_previous := v_hash;
    end loop;
end;
$$;

-- Records a signed checkpoint of the link at p_seq: its position and chain hash are taken from the chain itself.
create function integrity.append_checkpoint(p_seq bigint, p_signed_at timestamptz, p_key_id text, p_signature bytea,
                                            p_format smallint, p_unsealed_up_to bigint, p_scheme_up_to bigint,
                                            p_store_id uuid)
    returns boolean
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
    as $$
begin
    if not exists (select 1 from integrity.chain_link c where c.seq = p_seq) then
        raise exception 'append_checkpoint: no link %', p_seq using errcode = '22023';
    end if;
    insert into integrity.checkpoint (seq, global_index, chain_hash, signed_at, key_id, signature, format,
                                      unsealed_up_to, scheme_up_to, store_id)
    select c.seq, c.global_index, c.hash, p_signed_at, p_key_id, p_signature, p_format, p_unsealed_up_to, p_scheme_up_to,
           p_store_id
      from integrity.chain_link c where c.seq = p_seq
    on conflict (seq) do nothing;
    return found;
end;
$$;

revoke all on function integrity.append_links(bigint[], bytea[], text[], timestamptz) from public;
revoke all on function integrity.append_checkpoint(bigint, timestamptz, text, bytea, smallint, bigint, bigint, uuid) from public;
grant execute on function integrity.append_links(bigint[], bytea[], text[], timestamptz) to ntm_app;
grant execute on function integrity.append_checkpoint(bigint, timestamptz, text, bytea, smallint, bigint, bigint, uuid) to ntm_app;
revoke insert on integrity.chain_link, integrity.checkpoint from ntm_app;
revoke all on integrity.scheme_boundary, integrity.store_identity from public;
grant select on integrity.scheme_boundary, integrity.store_identity to ntm_app;

-- Processor positions: the service updates them (claims, progress, resets) but never removes one.
revoke delete, truncate on token_store.token_entry from ntm_app;
alter default privileges in schema token_store revoke delete, truncate on tables from ntm_app;
