-- One row per refused request: the client's address, how many things were refused in it, and each of them.
alter table security.denied_attempt
    add column client_address varchar(64),
    add column refusal_count  integer not null default 1,
    add column refusals       text[]  not null default '{}';

-- The log of refusals is append-only for the service, as the event store is.
revoke update, delete, truncate on security.denied_attempt from ntm_app;
