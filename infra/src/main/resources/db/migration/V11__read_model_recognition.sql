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
