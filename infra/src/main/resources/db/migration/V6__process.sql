-- State of the service's own processes, built from the events by their tracking processors (never by the
-- query side). Rebuildable: deleting the rows and the processor's token replays them.
create schema if not exists process;

-- CriteriaSetAdoptionProcess: which version of its set each tracked scorecard judges by ...
create table process.tracked_scorecard (
    scorecard_id varchar(160) primary key,
    set_id       varchar(64)  not null,
    version      integer      not null
);
create index tracked_scorecard_set_idx on process.tracked_scorecard (set_id);

-- ... and from when each published version applies, with the correlation id of the event that published it.
create table process.set_version (
    set_id         varchar(64) not null,
    version        integer     not null,
    effective_from date        not null,
    correlation_id text        not null,
    primary key (set_id, version)
);
