package org.ntmrecords.events.target;

/** What a target asks. */
public enum TargetKind {
    /**
     * A value to reach on a measure, e.g. "Phấn đấu thu nhập năm 2024 đạt 60,5 triệu đồng/người/năm" (seed 003 line 81);
     * linked to an indicator of a set where the record has one that measures it.
     */
    INDICATOR_VALUE,
    /** The unit reaches the title of a set, e.g. a commune reaching NTM nâng cao. */
    TITLE,
    /** A number of named units reach the title of a set, e.g. "Xã Ngãi Xuyên, Kim Sơn, Hàm Giang đạt chuẩn NTM trong quý I/2023" (seed 002 line 36). */
    UNITS_REACHING_TITLE,
    /** The unit meets a number of the criteria of a set, e.g. "Huyện hoàn thành 9/9 tiêu chí trong quý IV/2023" (seed 002 line 44). */
    CRITERIA_MET
}
