package org.ntmrecords.events.agency;

import org.ntmrecords.events.common.DocumentRef;

/**
 * An agency responsible for criteria was entered, e.g. Phòng Tài nguyên và Môi trường of huyện Tháp Mười.
 *
 * @param agencyId short stable id, e.g. {@code 872-tnmt}
 * @param unitCode the unit the agency belongs to (usually a district)
 */
public record AgencyRegisteredEvent(String agencyId, String name, String unitCode, DocumentRef basis) {
}
