-- Villages (thôn, ấp, khu dân cư, bản, làng) have no GSO code: theirs is the commune's code, a hyphen and the
-- commune's own code for the village (15169-phuc-ngan-vai), up to 64 characters as every code the API takes. Every
-- column that holds a unit's code (unit codes, parents, predecessors and successors, acting and target units) is
-- widened from the 16 characters GSO codes needed to 64. Numbered 20.2 so that it sorts after any V20 written in
-- parallel.
do $$
declare
    c record;
begin
    for c in
        select table_schema, table_name, column_name
        from information_schema.columns
        where data_type = 'character varying' and character_maximum_length = 16
          and table_schema not in ('pg_catalog', 'information_schema', 'event_store')
          and (column_name like '%unit%' or column_name in ('code', 'parent_code', 'predecessor_code', 'successor_code'))
    loop
        execute format('alter table %I.%I alter column %I type varchar(64)', c.table_schema, c.table_name,
                       c.column_name);
    end loop;
end
$$;
