-- The unit's own figure a value's breakdown splits, as the source states it (seed 004 line 141: 273 missing
-- health-insurance cards in the commune, then by village): {"quantity": 273, "measure": "thẻ BHYT còn thiếu"}.
-- Null when none is stated. Numbered 20.1 so that it sorts after any V20 written in parallel.
alter table read_model.indicator_entry add column breakdown_total jsonb;
