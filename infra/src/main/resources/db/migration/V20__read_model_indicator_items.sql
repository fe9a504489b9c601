-- Issue 20 (itemised frameworks): every item of every item-by-item assessment of an itemised indicator
-- (ITEMS_AT_LEAST), one row per IndicatorItemAssessedEvent. Corrected assessments stay, naming the one that
-- corrected them; the assessment that counts is the latest by period, then by record order (seq).
create table read_model.indicator_item (
    scorecard_id               varchar(100) not null,
    assessment_id              varchar(100) not null,
    item_code                  varchar(100) not null,
    indicator_code             varchar(64)  not null,
    criterion_code             varchar(64)  not null,
    item_name                  text         not null,
    state                      varchar(16)  not null,
    period_start               date         not null,
    period_end                 date         not null,
    assessed_by                text,
    note                       text,
    evidence                   jsonb        not null,
    corrects_assessment_id     varchar(100),
    corrected_by_assessment_id varchar(100),
    reason                     text,
    recorded_at                timestamptz  not null,
    recorded_by                text,
    event_id                   varchar(100) not null,
    seq                        bigint       not null,
    primary key (scorecard_id, assessment_id, item_code)
);
create index indicator_item_indicator_idx on read_model.indicator_item (scorecard_id, indicator_code);
