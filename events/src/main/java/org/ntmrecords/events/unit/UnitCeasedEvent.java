package org.ntmrecords.events.unit;

import java.time.LocalDate;
import java.util.List;
import org.ntmrecords.events.common.DocumentRef;

/**
 * A unit ceased to exist from a date: merged into its successors (xã Tân Kiều, 30049, into xã Đốc Binh Kiều,
 * 30061, on 1 July 2025), or abolished without one (the district level). Its records stay as they are and are
 * read through its successors as well.
 *
 * @param successors the units that took it over; empty when it was abolished without successor
 * @param basis      the act, e.g. {@code 1663/NQ-UBTVQH15} (Điều 1 khoản 21)
 */
public record UnitCeasedEvent(String code, LocalDate effectiveFrom, List<Successor> successors, DocumentRef basis) {
    public UnitCeasedEvent {
        successors = successors == null ? List.of() : List.copyOf(successors);
    }
}
