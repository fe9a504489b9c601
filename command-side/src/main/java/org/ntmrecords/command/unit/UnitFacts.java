package org.ntmrecords.command.unit;

import java.time.LocalDate;
import java.util.List;
import org.ntmrecords.events.unit.UnitKind;

/**
 * What the command side needs to know of a unit to check commands about other records.
 *
 * @param formerParentCodes parents the unit had before it was moved, oldest first
 * @param ceasedOn          the date from which the unit no longer exists, or {@code null} while it does
 * @param successorCodes    the units that took it over when it ceased
 */
public record UnitFacts(String code, String name, UnitKind kind, String parentCode, List<String> formerParentCodes,
                        LocalDate ceasedOn, List<String> successorCodes) {
    public UnitFacts {
        formerParentCodes = formerParentCodes == null ? List.of() : List.copyOf(formerParentCodes);
        successorCodes = successorCodes == null ? List.of() : List.copyOf(successorCodes);
    }

    public UnitFacts(String code, String name, UnitKind kind, String parentCode) {
        this(code, name, kind, parentCode, List.of(), null, List.of());
    }

    public boolean ceased() {
        return ceasedOn != null;
    }

    /** Whether the unit still existed on {@code day}: it has not ceased, or ceased after that day. */
    public boolean existedOn(LocalDate day) {
        return ceasedOn == null || day.isBefore(ceasedOn);
    }
}
