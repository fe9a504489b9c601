package org.ntmrecords.events.criteria;

/** The title a criteria set leads to (mức đạt chuẩn). */
public enum Grade {
    /** Đạt chuẩn nông thôn mới. */
    NTM,
    /** Nông thôn mới nâng cao. */
    ADVANCED,
    /** Nông thôn mới kiểu mẫu. */
    MODEL,
    /** Đô thị văn minh. */
    CIVILIZED_URBAN,
    /** Làng / thôn thông minh. */
    SMART_VILLAGE,
    /** Hoàn thành nhiệm vụ xây dựng nông thôn mới. */
    TASK_COMPLETED
}
