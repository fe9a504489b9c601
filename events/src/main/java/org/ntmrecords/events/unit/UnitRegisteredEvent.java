package org.ntmrecords.events.unit;

import org.ntmrecords.events.common.DocumentRef;

/**
 * An administrative unit was entered in the record under its official GSO code.
 *
 * @param code       official code (2 digits province, 3 district, 5 commune), kept as a string
 * @param name       proper name without prefix, NFC ({@code Tân Kiều})
 * @param fullName   official name with prefix ({@code Xã Tân Kiều})
 * @param kind       kind of unit
 * @param parentCode code of the unit it belongs to; {@code null} for provinces
 * @param source     the list or decision this registration is based on
 */
public record UnitRegisteredEvent(String code, String name, String fullName, UnitKind kind, String parentCode,
                                  DocumentRef source) {
}
