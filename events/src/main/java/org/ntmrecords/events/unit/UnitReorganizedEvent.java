package org.ntmrecords.events.unit;

import java.time.LocalDate;
import org.ntmrecords.events.common.DocumentRef;

/**
 * A unit was reorganised from a date by a legal act: it may take a new name, kind and parent at once, as the
 * communes that kept their code did on 1 July 2025 (thị trấn Mỹ An, 30037, became xã Tháp Mười directly under
 * tỉnh Đồng Tháp). The state before is kept so that history reads on its own.
 *
 * @param effectiveFrom the business date from which the new state holds
 * @param basis         the act, e.g. {@code 1663/NQ-UBTVQH15} (Điều 1 khoản 18)
 */
public record UnitReorganizedEvent(String code, String previousName, String previousFullName,
                                   UnitKind previousKind, String previousParentCode, String name, String fullName,
                                   UnitKind kind, String parentCode, LocalDate effectiveFrom, DocumentRef basis) {
}
