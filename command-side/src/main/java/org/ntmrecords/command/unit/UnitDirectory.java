package org.ntmrecords.command.unit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Looks up units in the record, for checks that span aggregates (a parent exists; a tracked unit exists). */
public interface UnitDirectory {
    Optional<UnitFacts> find(String code);

    /**
     * The provinces a unit lies or lay in, reached through its parent and its former parents, current province first;
     * the unit itself when it is a province. A commune merged on 1 July 2025 under the new province keeps the province
     * it lay in before (30061 Đốc Binh Kiều: 82, then 87 through its former district 872). Reads a few short unit
     * streams; meant for tracking, not for every value.
     */
    default Set<String> provincesOf(UnitFacts unit) {
        Set<String> provinces = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        Deque<UnitFacts> todo = new ArrayDeque<>();
        todo.add(unit);
        while (!todo.isEmpty() && seen.size() < 50) {
            UnitFacts next = todo.poll();
            if (!seen.add(next.code())) {
                continue;
            }
            if (next.kind().level() == 1) {
                provinces.add(next.code());
                continue;
            }
            if (next.parentCode() != null) {
                find(next.parentCode()).ifPresent(todo::add);
            }
            for (String former : next.formerParentCodes()) {
                find(former).ifPresent(todo::add);
            }
        }
        return provinces;
    }
}
