-- Units that ceased (merged or abolished, e.g. on 1 July 2025) keep their row with the date they ceased;
-- who took them over is in unit_succession (none when a level was abolished without successor).
alter table read_model.unit add column ceased_on date;

create table read_model.unit_succession (
    predecessor_code varchar(16) not null,
    successor_code   varchar(16) not null,
    -- WHOLE: the whole predecessor went into this successor; PART: it was split and this one took a part
    share            varchar(10) not null,
    effective_from   date        not null,
    basis            jsonb,
    primary key (predecessor_code, successor_code)
);
create index unit_succession_successor_idx on read_model.unit_succession (successor_code, predecessor_code);

-- History: one row per stored event, in the order of the store (position = the event's global index), with who,
-- when recorded, what time it describes (business period or effective date), its basis and evidence, and a
-- readable summary. history_subject says which histories an event belongs to:
--   unit:<code>, scorecard:<unit>@<set>, ucrit:<unit>@<set>/<criterion>, uind:<unit>@<set>/<indicator>,
--   set:<set>, criterion:<set>/<criterion>, indicator:<set>/<indicator>, agency:<id>, account:<username>.
create table read_model.history_event (
    position       bigint       primary key,
    event_id       varchar(64)  not null unique,
    event_type     varchar(80)  not null,
    stream         varchar(200),
    stream_seq     bigint,
    recorded_at    timestamptz  not null,
    actor          text,
    actor_role     varchar(40),
    actor_unit     varchar(16),
    actor_agency   varchar(64),
    correlation_id text,
    causation_id   text,
    business_start date,
    business_end   date,
    unit_code      varchar(16),
    set_id         varchar(64),
    summary        text         not null,
    documents      jsonb        not null,
    payload        jsonb        not null
);
create index history_event_recorded_idx on read_model.history_event (recorded_at);
create index history_event_correlation_idx on read_model.history_event (correlation_id);

create table read_model.history_subject (
    subject  varchar(200) not null,
    position bigint       not null,
    primary key (subject, position)
);
