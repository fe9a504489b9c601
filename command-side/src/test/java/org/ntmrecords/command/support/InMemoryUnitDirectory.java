package org.ntmrecords.command.support;

import java.util.HashMap;
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

    @Override
    public Optional<UnitFacts> find(String code) {
        return Optional.ofNullable(units.get(code));
    }
}
