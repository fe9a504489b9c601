-- Deadlines (title and standard lapses) kept by db-scheduler for Axon's DbSchedulerDeadlineManager: they survive
-- restarts and fire once across instances. Layout as db-scheduler 16 expects it for PostgreSQL.
create table process.scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time_idx on process.scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on process.scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time_idx on process.scheduled_tasks (priority desc, execution_time asc);

-- Recognition cases: revocation cases are rows too (kind REVOCATION, with the recognition they concern and the
-- revocation rule's evaluation); titles with a validity period carry their last valid day and lapse.
alter table read_model.recognition_case
    add column kind                varchar(12) not null default 'RECOGNITION',
    add column unit_kind           varchar(20),
    add column recognition_case_id varchar(200),
    add column renewal             boolean     not null default false,
    add column survey_shortfalls   text[]      not null default '{}',
    add column valid_until         date,
    add column lapsed              boolean     not null default false,
    add column revoked_by          varchar(200),
    add column trigger_met         boolean,
    add column trigger_reason      text;
create index recognition_case_valid_until_idx on read_model.recognition_case (valid_until) where valid_until is not null;
create index recognition_case_recognition_idx on read_model.recognition_case (recognition_case_id);

-- Standards with a validity period (a school's national standard) and the indicator resting on each.
create table read_model.certification (
    certification_id varchar(100) primary key,
    unit_code        varchar(16)  not null,
    subject          text         not null,
    standard         text         not null,
    valid_until      date         not null,
    set_id           varchar(64)  not null,
    indicator_code   varchar(64)  not null,
    effect           varchar(20),
    lapsed           boolean      not null default false,
    document_number  text,
    recorded_at      timestamptz  not null,
    updated_at       timestamptz  not null
);
create index certification_valid_until_idx on read_model.certification (valid_until);
create index certification_unit_idx on read_model.certification (unit_code);

-- Evidence documents: what each is attached to, its reference and its stored file (if any).
create table read_model.evidence_document (
    document_id     varchar(100) primary key,
    target_kind     varchar(12)  not null,
    unit_code       varchar(16)  not null,
    set_id          varchar(64),
    code            varchar(64),
    case_id         varchar(200),
    number          text         not null,
    document_date   date,
    issuer          text,
    title           text,
    kind            text         not null,
    file_sha256     char(64),
    file_size       bigint,
    media_type      text,
    file_name       text,
    note            text,
    withdrawn       boolean      not null default false,
    withdrawn_reason text,
    attached_at     timestamptz  not null,
    attached_by     text
);
create index evidence_document_unit_idx on read_model.evidence_document (unit_code, set_id, code);
create index evidence_document_case_idx on read_model.evidence_document (case_id);

-- The new columns are filled from the events: existing installs rebuild the read tables from the store.
truncate read_model.unit, read_model.criteria_set_version, read_model.criteria_set, read_model.scorecard,
         read_model.criterion_standing, read_model.indicator_standing, read_model.indicator_entry,
         read_model.indicator_decision, read_model.account, read_model.agency, read_model.responsibility,
         read_model.unit_succession, read_model.history_event, read_model.history_subject,
         read_model.recognition_case, read_model.recognition_discrepancy;
delete from token_store.token_entry where processor_name = 'read-model';
