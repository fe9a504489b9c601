package org.ntmrecords.command.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ntmrecords.command.unit.UnitDirectory;
import org.ntmrecords.command.unit.UnitFacts;
import org.ntmrecords.events.unit.UnitKind;

/** Units other aggregates can see, for fixture tests. */
public class InMemoryUnitDirectory implements UnitDirectory {
    private final Map<String, UnitFacts> units = new HashMap<>();

    public InMemoryUnitDirectory with(String code, String name, UnitKind kind, String parentCode) {
        units.put(code, new UnitFacts(code, name, kind, parentCode));
        return this;
    }

    /** A unit recorded with its former parents (those it had before it was moved), oldest first. */
    public InMemoryUnitDirectory moved(String code, String name, UnitKind kind, String parentCode,
                                       String... formerParents) {
        units.put(code, new UnitFacts(code, name, kind, parentCode, List.of(formerParents), null, List.of()));
        return this;
    }

    /** The unit (registered before) ceased from {@code on} into the successors named. */
    public InMemoryUnitDirectory ceased(String code, LocalDate on, String... successors) {
        UnitFacts facts = units.get(code);
        units.put(code, new UnitFacts(code, facts.name(), facts.kind(), facts.parentCode(),
                facts.formerParentCodes(), on, List.of(successors)));
        return this;
    }

    @Override
    public Optional<UnitFacts> find(String code) {
        return Optional.ofNullable(units.get(code));
    }
}
