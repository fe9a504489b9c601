package org.ntmrecords.events.common;

/**
 * A body named in a document — the lead (đơn vị chủ trì) or a coordinating body (đơn vị phối hợp) of a task, the body
 * that owes a report or receives it — as the document writes it, and, where the record knows it, the agency or the
 * unit (its people's committee) it is. "Các tổ chức chính trị - xã hội huyện" is a body with a name only.
 *
 * @param name     as written in the source, required
 * @param agencyId the registered agency it is (e.g. {@code 872-tnmt}), or null
 * @param unitCode the unit whose people's committee it is (e.g. {@code 30049} for UBND xã Tân Kiều), or null
 */
public record BodyRef(String name, String agencyId, String unitCode) {
}
