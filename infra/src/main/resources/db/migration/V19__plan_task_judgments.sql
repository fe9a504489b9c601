-- PlanTaskClosureProcess: the latest judgment of every indicator it has seen, in store order, so that a task added
-- for an indicator already judged met is done at once, naming that judgment.
create table process.plan_indicator_judgment (
    unit_code          varchar(16)  not null,
    set_id             varchar(64)  not null,
    indicator_code     varchar(64)  not null,
    met                boolean      not null,
    judgment_event_id  varchar(100) not null,
    scorecard_id       varchar(100) not null,
    primary key (unit_code, set_id, indicator_code)
);
