-- Linking events into the hash chain took about 0.65 ms of the database's time per event, more than half of what
-- PostgreSQL spent on the write path (pg_stat_statements of the benchmark's write path, docs/benchmarks/README.md,
-- finding 8): integrity.field and integrity.content_v2 carried SET search_path, which keeps PostgreSQL from
-- inlining a SQL function, so each event cost some twenty function calls that each saved and restored a setting;
-- and append_links ran four queries per event. The functions below compute the same bytes as before; they are
-- inlined now (STABLE, as convert_to is; they run no query and name only pg_catalog's functions, which every
-- search path searches first), and append_links reads a batch's rows in one query and writes its links in one insert.
-- Its rules are unchanged: under the lock, in the order given, skipping positions linked already (and a position
-- given twice after its first), the content computed from the row itself (a content given must equal it), the
-- stream key's links numbered on from the last, the same errors.

create or replace function integrity.field(b bytea) returns bytea
    language sql immutable parallel safe
    as $$ select case when b is null then '\xffffffff'::bytea else int4send(length(b)) || b end $$;

create or replace function integrity.field(t text) returns bytea
    language sql stable parallel safe
    as $$ select integrity.field(convert_to(t, 'UTF8')) $$;

create or replace function integrity.content_v2(e event_store.domain_event_entry) returns bytea
    language sql stable parallel safe
    as $$
    select sha256(convert_to(E'ntm-records event v2\n', 'UTF8')
        || integrity.field(e.global_index::text) || integrity.field(e.event_identifier)
        || integrity.field(e.aggregate_identifier) || integrity.field(e.sequence_number::text)
        || integrity.field(e.type) || integrity.field(e.time_stamp) || integrity.field(e.payload_type)
        || integrity.field(e.payload_revision) || integrity.field(e.payload) || integrity.field(e.meta_data)
        || integrity.field(e.seal))
    $$;

create or replace function integrity.append_links(p_positions bigint[], p_contents bytea[], p_keys text[],
                                                  p_linked_at timestamptz)
    returns table (link_seq bigint, link_global_index bigint, link_hash bytea)
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
    as $$
declare
    v_seq      bigint;
    v_previous bytea;
    v_boundary bigint;
    v_row      record;
    v_content  bytea;
    v_hash     bytea;
    v_count    integer := 0;
    v_seqs     bigint[] := '{}';
    v_indexes  bigint[] := '{}';
    v_ids      varchar[] := '{}';
    v_contents bytea[] := '{}';
    v_hashes   bytea[] := '{}';
    v_keys     text[] := '{}';
    v_key_seqs bigint[] := '{}';
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
    v_boundary := coalesce(v_boundary, 0);
    for v_row in
        with given as (
            select distinct on (g.pos) g.pos, g.content, g.stream_key, g.ord
              from unnest(p_positions, p_contents, p_keys) with ordinality as g(pos, content, stream_key, ord)
             order by g.pos, g.ord),
        -- scalar subqueries, never joins: each position is one index lookup however long the chain and the store
        unlinked as materialized (
            select g.*, (select d from event_store.domain_event_entry d where d.global_index = g.pos) as ev
              from given g
             where (select 1 from integrity.chain_link c where c.global_index = g.pos) is null)
        select u.pos, u.content as given_content, u.stream_key, u.ord, (u.ev).event_identifier as event_identifier,
               (u.ev).global_index is not null as found,
               case when u.pos > v_boundary and (u.ev).global_index is not null
                    then integrity.content_v2(u.ev) end as row_content,
               case when u.pos > v_boundary and u.stream_key is not null
                    then coalesce((select max(c.key_seq) from integrity.chain_link c
                                    where c.stream_key = u.stream_key), 0)
                         + row_number() over (partition by u.stream_key, u.pos > v_boundary order by u.ord) end
                    as key_seq
          from unlinked u
         order by u.ord
    loop
        if not v_row.found then
            raise exception 'append_links: no event at position %', v_row.pos using errcode = '22023';
        end if;
        if v_row.pos > v_boundary then
            v_content := v_row.row_content;
            if v_row.given_content is not null and v_row.given_content <> v_content then
                raise exception 'append_links: the event at position % is not what the service read', v_row.pos
                    using errcode = '22023';
            end if;
            if v_row.stream_key is null then
                raise exception 'append_links: no stream key for position %', v_row.pos using errcode = '22023';
            end if;
            v_hash := sha256(v_previous || v_content || sha256(convert_to(v_row.stream_key, 'UTF8'))
                             || int8send(v_row.key_seq));
        else
            if v_row.given_content is null then
                raise exception 'append_links: no content for position %', v_row.pos using errcode = '22023';
            end if;
            v_content := v_row.given_content;
            v_hash := sha256(v_previous || v_content);
        end if;
        v_seq := v_seq + 1;
        v_count := v_count + 1;
        v_seqs[v_count] := v_seq;
        v_indexes[v_count] := v_row.pos;
        v_ids[v_count] := v_row.event_identifier;
        v_contents[v_count] := v_content;
        v_hashes[v_count] := v_hash;
        v_keys[v_count] := case when v_row.pos > v_boundary then v_row.stream_key end;
        v_key_seqs[v_count] := case when v_row.pos > v_boundary then v_row.key_seq end;
        v_previous := v_hash;
    end loop;
    if v_count = 0 then
        return;
    end if;
    insert into integrity.chain_link (seq, global_index, event_identifier, content_hash, hash, linked_at, stream_key,
                                      key_seq)
    select l.seq, l.global_index, l.event_identifier, l.content_hash, l.hash, p_linked_at, l.stream_key, l.key_seq
      from unnest(v_seqs, v_indexes, v_ids, v_contents, v_hashes, v_keys, v_key_seqs)
           as l(seq, global_index, event_identifier, content_hash, hash, stream_key, key_seq);
    return query select l.seq, l.global_index, l.hash
                   from unnest(v_seqs, v_indexes, v_hashes) as l(seq, global_index, hash);
end;
$$;
