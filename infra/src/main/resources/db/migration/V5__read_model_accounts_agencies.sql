create table read_model.account (
    username      varchar(64)  primary key,
    display_name  text         not null,
    role          varchar(40)  not null,
    unit_code     varchar(16),
    agency_id     varchar(64),
    enabled       boolean      not null,
    registered_at timestamptz  not null,
    updated_at    timestamptz  not null
);

create table read_model.agency (
    agency_id     varchar(64) primary key,
    name          text        not null,
    unit_code     varchar(16) not null,
    basis         jsonb,
    registered_at timestamptz not null
);
create index agency_unit_idx on read_model.agency (unit_code);

-- One row per (agency, set, criterion or indicator) currently assigned.
create table read_model.responsibility (
    agency_id   varchar(64) not null,
    set_id      varchar(64) not null,
    kind        varchar(10) not null,
    code        varchar(64) not null,
    basis       jsonb,
    assigned_at timestamptz not null,
    primary key (agency_id, set_id, kind, code)
);
create index responsibility_set_idx on read_model.responsibility (set_id, code);
