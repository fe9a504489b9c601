-- A title's conditions beyond its criteria (a district title's communes, townships, satisfaction, debt): what the
-- latest verification found of capital-construction debt, and the conditions as judged when the title was decided.
alter table read_model.recognition_case
    add column no_construction_debt boolean,
    add column decided_conditions   jsonb not null default '[]',
    -- a title decided before the record was kept, recorded afterwards; false year_stated: the source gives no year
    add column recorded_afterwards  boolean not null default false,
    add column year_stated          boolean not null default true;
