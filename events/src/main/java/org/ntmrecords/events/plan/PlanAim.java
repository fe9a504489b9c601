package org.ntmrecords.events.plan;

/**
 * A set and title a plan aims at ("đạt chuẩn huyện nông thôn mới nâng cao năm 2024").
 *
 * @param setId the criteria set, when the record holds it; null otherwise
 * @param title the title as the plan words it
 */
public record PlanAim(String setId, String title) {
}
