-- Positions of the event processors (Axon's JDBC token store), in their own schema. A projection's
-- token is updated in the same transaction as the read tables it feeds.
create schema if not exists token_store;

create table token_store.token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    time_stamp     varchar(255),
    owner          varchar(255),
    constraint token_entry_pk primary key (processor_name, segment)
);
