-- Plans (kế hoạch), their annex rows (items), a task per item and unit, progress notes and money (issue 17).

-- A plan's versions: version 1 as issued, each amendment a new row (what changed and why); none is overwritten.
create table read_model.plan_version (
    plan_id       varchar(100) not null,
    version       integer      not null,
    unit_code     varchar(16)  not null,
    number        text         not null,
    annex_number  text,
    plan_date     date,
    date_as_written text,
    issuer        jsonb        not null,
    year          integer      not null,
    title         text         not null,
    aims          jsonb        not null,
    legal_bases   jsonb        not null,
    version_date  date,
    changes       text,
    reason        text,
    document      jsonb,
    recorded_at   timestamptz  not null,
    recorded_by   text,
    primary key (plan_id, version)
);
create index plan_version_unit_idx on read_model.plan_version (unit_code, year, plan_id);

-- Annex rows, with their cost estimate and planned funding.
create table read_model.plan_item (
    plan_id                 varchar(100) not null,
    item_id                 varchar(64)  not null,
    plan_version            integer      not null,
    row_label               text,
    set_id                  varchar(64),
    criterion_code          varchar(64),
    indicator_code          varchar(64),
    content                 text         not null,
    unit_codes              text[]       not null,
    requirement             text,
    state_as_written        text,
    state_value_event_ids   text[]       not null,
    state_judgment_event_id text,
    solution                text,
    lead                    jsonb        not null,
    coordinating            jsonb        not null,
    deadline_as_written     text         not null,
    deadline_last_day       date         not null,
    cost_vnd                numeric,
    cost_as_written         text,
    funding                 jsonb        not null,
    added_at                timestamptz  not null,
    added_by                text,
    primary key (plan_id, item_id)
);

-- One task per item and unit it concerns: its status as recorded (OPEN, DONE, CLOSED); overdue is computed when read.
create table read_model.plan_task (
    plan_id                varchar(100) not null,
    item_id                varchar(64)  not null,
    unit_code              varchar(16)  not null,
    plan_unit_code         varchar(16)  not null,
    set_id                 varchar(64),
    indicator_code         varchar(64),
    lead_name              text         not null,
    lead_agency_id         varchar(64),
    lead_unit_code         varchar(16),
    deadline_last_day      date         not null,
    status                 varchar(10)  not null,
    status_date            date,
    status_reason          text,
    status_decision        jsonb,
    completed_by_event_id  text,
    completed_scorecard_id text,
    changed_at             timestamptz  not null,
    changed_by             text,
    primary key (plan_id, item_id, unit_code)
);
create index plan_task_unit_idx on read_model.plan_task (unit_code, status, deadline_last_day);
create index plan_task_lead_idx on read_model.plan_task (lead_agency_id, status, deadline_last_day);

create table read_model.plan_task_note (
    plan_id               varchar(100) not null,
    item_id               varchar(64)  not null,
    unit_code             varchar(16)  not null,
    note_id               varchar(64)  not null,
    note_date             date         not null,
    noted_by_body         jsonb        not null,
    note                  text         not null,
    evidence              jsonb        not null,
    evidence_document_ids text[]       not null,
    recorded_at           timestamptz  not null,
    recorded_by           text,
    primary key (plan_id, note_id)
);
create index plan_task_note_task_idx on read_model.plan_task_note (plan_id, item_id, unit_code, note_date);

-- Money mobilised and disbursed per item and source, as recorded.
create table read_model.plan_funds (
    plan_id           varchar(100) not null,
    funds_id          varchar(64)  not null,
    item_id           varchar(64)  not null,
    source            varchar(32)  not null,
    source_as_written text,
    stage             varchar(16)  not null,
    amount_vnd        numeric      not null,
    amount_as_written text,
    funds_date        date         not null,
    recorded_by_body  jsonb        not null,
    document          jsonb,
    stated_share      text,
    note              text,
    recorded_at       timestamptz  not null,
    recorded_by       text,
    primary key (plan_id, funds_id)
);
create index plan_funds_item_idx on read_model.plan_funds (plan_id, item_id);

-- PlanTaskClosureProcess: which task targets which unit's indicator, and whether it is still open.
create table process.plan_task_target (
    plan_id        varchar(100) not null,
    item_id        varchar(64)  not null,
    unit_code      varchar(16)  not null,
    set_id         varchar(64)  not null,
    indicator_code varchar(64)  not null,
    open           boolean      not null,
    primary key (plan_id, item_id, unit_code)
);
create index plan_task_target_indicator_idx on process.plan_task_target (unit_code, set_id, indicator_code) where open;
