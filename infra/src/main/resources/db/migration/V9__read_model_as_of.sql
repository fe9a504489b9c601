-- As-of queries read entries and decisions in record order within their scorecard: seq is the scorecard
-- event's sequence number (the order the rules break ties by, as the scorecard itself does).
alter table read_model.indicator_entry add column seq bigint not null default 0;
alter table read_model.indicator_decision add column seq bigint not null default 0;
create index indicator_entry_recorded_idx on read_model.indicator_entry (scorecard_id, recorded_at);
create index indicator_decision_recorded_idx on read_model.indicator_decision (scorecard_id, recorded_at);
-- which set version was in force from when, as known from when: as-of picks by (effective_from, published_at)
create index criteria_set_version_effective_idx on read_model.criteria_set_version (set_id, effective_from, version);

-- Rows written before this migration have no seq, and V7's history tables were empty for events stored before
-- it: empty every read table and drop the read-model processor's position, so it replays the whole store.
truncate read_model.unit, read_model.criteria_set_version, read_model.criteria_set, read_model.scorecard,
         read_model.criterion_standing, read_model.indicator_standing, read_model.indicator_entry,
         read_model.indicator_decision, read_model.account, read_model.agency, read_model.responsibility,
         read_model.unit_succession, read_model.history_event, read_model.history_subject;
delete from token_store.token_entry where processor_name = 'read-model';
