package org.ntmrecords.query.unit;

import java.time.LocalDate;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.unit.Successor;

/** One link of an administrative change: the predecessor ceased on {@code effectiveFrom} into the successor. */
public record Succession(String predecessorCode, String successorCode, Successor.Share share, LocalDate effectiveFrom,
                         DocumentRef basis) {
}
