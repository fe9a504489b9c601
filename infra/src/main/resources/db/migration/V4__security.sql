-- Credentials of local accounts (hashed; never in the event store) and the log of refused attempts.
create schema if not exists security;

create table security.credential (
    username      varchar(64)  primary key,
    password_hash text         not null,
    updated_at    timestamptz  not null
);

-- Append-only: who tried what on which unit, when, and why it was refused.
create table security.denied_attempt (
    id             bigserial    primary key,
    at             timestamptz  not null,
    actor          text         not null,
    role           varchar(40),
    unit_code      varchar(16),
    agency_id      varchar(64),
    command        text         not null,
    target_unit    varchar(16),
    reason         text         not null,
    correlation_id varchar(64)
);
create index denied_attempt_at_idx on security.denied_attempt (at);
