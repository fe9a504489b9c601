-- Snapshots are a cache of an aggregate's events, which the service replaces and prunes, so they cannot be
-- append-only; but a command decides on the state a snapshot gives. Each is sealed like an event (its own prefix, so
-- a snapshot's seal never passes for an event's) and one that does not match its seal is ignored: the aggregate is
-- loaded from its events instead (docs/audit.md).
alter table event_store.snapshot_event_entry add column seal bytea;
