-- Recognition cases as they stand: one row per case; their full timeline is in the history (subject case:<id>).
create table read_model.recognition_case (
    case_id         varchar(200) primary key,
    unit_code       varchar(16)  not null,
    set_id          varchar(64)  not null,
    set_version     integer      not null,
    grade           varchar(20)  not null,
    year            integer      not null,
    status          varchar(20)  not null,
    round           integer      not null,
    survey_rate     numeric,
    granted         boolean,
    decision_number text,
    decision_date   date,
    overridden      boolean      not null default false,
    discrepancies   integer      not null default 0,
    opened_at       timestamptz  not null,
    updated_at      timestamptz  not null
);
create index recognition_case_unit_idx on read_model.recognition_case (unit_code, year);
create index recognition_case_status_idx on read_model.recognition_case (status, case_id);

-- Where a step judged a criterion otherwise than the computed judgment at that moment: one row per criterion
-- per self-assessment or verification.
create table read_model.recognition_discrepancy (
    case_id        varchar(200) not null,
    unit_code      varchar(16)  not null,
    step           varchar(20)  not null,
    round          integer      not null,
    criterion_code varchar(64)  not null,
    assessed       varchar(20)  not null,
    computed       varchar(20)  not null,
    note           text,
    recorded_at    timestamptz  not null,
    recorded_by    text,
    primary key (case_id, step, round, criterion_code)
);
create index recognition_discrepancy_unit_idx on read_model.recognition_discrepancy (unit_code, criterion_code);
create index recognition_discrepancy_criterion_idx on read_model.recognition_discrepancy (criterion_code, unit_code);
