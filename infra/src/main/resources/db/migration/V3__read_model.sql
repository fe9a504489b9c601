-- Read tables, written only by projections from events; they can be emptied and rebuilt at any time.
create schema if not exists read_model;

create table read_model.unit (
    code             varchar(16)  primary key,
    name             text         not null,
    full_name        text         not null,
    kind             varchar(20)  not null,
    level            smallint     not null,
    parent_code      varchar(16),
    -- lower case, no diacritics: what searches compare against
    name_folded      text         not null,
    full_name_folded text         not null,
    registered_at    timestamptz  not null,
    updated_at       timestamptz  not null
);
create index unit_parent_idx on read_model.unit (parent_code, code);
create index unit_level_idx on read_model.unit (level, code);

create table read_model.criteria_set_version (
    set_id          varchar(64)  not null,
    version         integer      not null,
    title           text         not null,
    level           varchar(20)  not null,
    grade           varchar(20)  not null,
    phase           text,
    legal_basis     jsonb        not null,
    effective_from  date         not null,
    base_set_id     varchar(64),
    province_code   varchar(16),
    provenance      text,
    criteria_count  integer      not null,
    indicator_count integer      not null,
    definition      jsonb        not null,
    -- for amendments: the reason and the requirement changes
    amendment       jsonb,
    published_at    timestamptz  not null,
    published_by    text,
    primary key (set_id, version)
);

create table read_model.criteria_set (
    set_id         varchar(64) primary key,
    latest_version integer     not null
);

create table read_model.scorecard (
    scorecard_id          varchar(100) primary key,
    unit_code             varchar(16)  not null,
    set_id                varchar(64)  not null,
    set_version           integer      not null,
    region                varchar(64),
    result                varchar(20)  not null,
    criteria_met          integer      not null,
    criteria_total        integer      not null,
    unmet_criteria        text[]       not null,
    not_assessed_criteria text[]       not null,
    tracked_at            timestamptz  not null,
    tracked_by            text,
    last_changed_at       timestamptz  not null
);
create index scorecard_set_unit_idx on read_model.scorecard (set_id, unit_code);
create index scorecard_unit_idx on read_model.scorecard (unit_code);

create table read_model.criterion_standing (
    scorecard_id            varchar(100) not null,
    criterion_code          varchar(64)  not null,
    position                integer      not null,
    name                    text         not null,
    result                  varchar(20)  not null,
    indicators_met          integer      not null,
    indicators_total        integer      not null,
    unmet_indicators        text[]       not null,
    not_assessed_indicators text[]       not null,
    last_changed_at         timestamptz,
    primary key (scorecard_id, criterion_code)
);

create table read_model.indicator_standing (
    scorecard_id    varchar(100) not null,
    indicator_code  varchar(64)  not null,
    criterion_code  varchar(64)  not null,
    position        integer      not null,
    text            text         not null,
    requirement     jsonb        not null,
    result          varchar(20)  not null,
    basis           varchar(30)  not null,
    threshold       numeric,
    required_level  text,
    measured        numeric,
    region          varchar(64),
    set_version     integer      not null,
    latest_entry_id varchar(64),
    decision_id     varchar(64),
    last_changed_at timestamptz,
    primary key (scorecard_id, indicator_code)
);
create index indicator_standing_criterion_idx on read_model.indicator_standing (scorecard_id, criterion_code, position);

create table read_model.indicator_entry (
    scorecard_id          varchar(100) not null,
    entry_id              varchar(64)  not null,
    indicator_code        varchar(64)  not null,
    criterion_code        varchar(64)  not null,
    -- VALUE, CORRECTION or NOT_ASSESSED
    entry_type            varchar(20)  not null,
    value_kind            varchar(20),
    value                 jsonb,
    display               text,
    share                 numeric,
    period_start          date         not null,
    period_end            date         not null,
    source_agency         text,
    evidence              jsonb        not null,
    note                  text,
    breakdown             jsonb        not null,
    corrects_entry_id     varchar(64),
    correction_reason     text,
    corrected_by_entry_id varchar(64),
    recorded_at           timestamptz  not null,
    recorded_by           text,
    event_id              varchar(255) not null,
    primary key (scorecard_id, entry_id)
);
create index indicator_entry_indicator_idx on read_model.indicator_entry (scorecard_id, indicator_code, recorded_at);

create table read_model.indicator_decision (
    scorecard_id   varchar(100) not null,
    decision_id    varchar(64)  not null,
    indicator_code varchar(64)  not null,
    criterion_code varchar(64)  not null,
    result         varchar(20)  not null,
    period_start   date         not null,
    period_end     date         not null,
    decided_by     text         not null,
    basis          jsonb        not null,
    note           text,
    recorded_at    timestamptz  not null,
    recorded_by    text,
    event_id       varchar(255) not null,
    primary key (scorecard_id, decision_id)
);
