-- The event store: Axon's JDBC storage engine tables, in their own schema.
-- Payloads and metadata are bytea (never large objects, which PostgreSQL keeps outside the row and a
-- vacuum of orphaned objects can lose). The global index has its own sequence, so no other table's
-- inserts interleave with event numbering.
create schema if not exists event_store;

create sequence event_store.domain_event_entry_global_index_seq as bigint start with 1 increment by 1 no cycle;

create table event_store.domain_event_entry (
    global_index         bigint       not null default nextval('event_store.domain_event_entry_global_index_seq'),
    event_identifier     varchar(255) not null,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    constraint domain_event_entry_pk primary key (global_index),
    constraint domain_event_entry_event_uk unique (event_identifier),
    constraint domain_event_entry_aggregate_uk unique (aggregate_identifier, sequence_number)
);
alter sequence event_store.domain_event_entry_global_index_seq owned by event_store.domain_event_entry.global_index;

create table event_store.snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null,
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    constraint snapshot_event_entry_pk primary key (aggregate_identifier, sequence_number),
    constraint snapshot_event_entry_event_uk unique (event_identifier)
);
