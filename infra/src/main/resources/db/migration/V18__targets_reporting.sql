-- Issue 17: reporting duties with their submissions (compliance is computed at query time from these).

create table read_model.reporting_duty (
    unit_code          varchar(16)  not null,
    duty_id            varchar(64)  not null,
    title              text         not null,
    recipient          jsonb        not null,
    owed_by            jsonb        not null,
    schedule_as_written text,
    schedule           jsonb        not null,
    due_as_written     text,
    due_last_day       date,
    basis              jsonb,
    source             text,
    established_at     timestamptz  not null,
    primary key (unit_code, duty_id)
);

-- One row per (duty, body that owes it): "the duties a body owes" without reading every duty's list.
create table read_model.reporting_owed (
    unit_code      varchar(16)  not null,
    duty_id        varchar(64)  not null,
    body_order     int          not null,
    body_key       text         not null,
    name           text         not null,
    agency_id      varchar(64),
    body_unit_code varchar(16),
    primary key (unit_code, duty_id, body_key)
);
create index reporting_owed_agency_idx on read_model.reporting_owed (agency_id);
create index reporting_owed_unit_idx on read_model.reporting_owed (body_unit_code);

-- Every submission recorded, corrections included; a corrected one names its correction (corrected_by).
create table read_model.report_submission (
    submission_id  varchar(64)  not null,
    unit_code      varchar(16)  not null,
    duty_id        varchar(64)  not null,
    body_key       text         not null,
    body           jsonb        not null,
    period         varchar(16),
    submitted_on   date         not null,
    document       jsonb,
    note           text,
    corrects_id    varchar(64),
    corrected_by   varchar(64),
    reason         text,
    recorded_at    timestamptz  not null,
    primary key (unit_code, duty_id, submission_id)
);
create index report_submission_body_idx on read_model.report_submission (body_key, submitted_on);

-- Targets per unit and year: the current version of each (earlier versions are in the history).
create table read_model.target (
    unit_code         varchar(16)  not null,
    target_id         varchar(64)  not null,
    version           integer      not null,
    kind              varchar(30)  not null,
    year              integer      not null,
    set_id            varchar(64),
    indicator_code    varchar(64),
    deadline_last_day date         not null,
    definition        jsonb        not null,
    amend_reason      text,
    withdrawn         boolean      not null default false,
    withdrawn_reason  text,
    withdrawn_basis   jsonb,
    set_at            timestamptz  not null,
    changed_at        timestamptz  not null,
    primary key (unit_code, target_id)
);
create index target_deadline_idx on read_model.target (deadline_last_day) where not withdrawn;
