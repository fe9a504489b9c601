-- Event distribution over Kafka (docs/kafka.md).
--
-- distribution.topic_incarnation: the publisher's record of which incarnation (Kafka topic id) of the events
-- topic it has published to; a topic created anew (deleted and recreated, or the demo's in-process broker after a
-- restart) gets the whole store published again.
--
-- distribution.replica_position: on a query replica, the next offset of the events topic to read, written in the
-- same transaction as the events it copies into this database's event store, so a crash can neither copy an event
-- twice nor skip one. topic_id ties the offset to one incarnation of the topic.
create schema if not exists distribution;

create table distribution.topic_incarnation (
    topic      varchar(249) not null primary key,
    topic_id   varchar(64)  not null,
    since      timestamptz  not null
);

create table distribution.replica_position (
    topic       varchar(249) not null,
    partition   integer      not null,
    topic_id    varchar(64)  not null,
    next_offset bigint       not null check (next_offset >= 0),
    updated_at  timestamptz  not null,
    constraint replica_position_pk primary key (topic, partition)
);

grant usage on schema distribution to ntm_app;
grant select, insert, update, delete on all tables in schema distribution to ntm_app;
alter default privileges in schema distribution grant select, insert, update, delete on tables to ntm_app;
