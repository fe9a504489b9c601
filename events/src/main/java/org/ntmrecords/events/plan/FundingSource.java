package org.ntmrecords.events.plan;

/** Where money for a plan item comes from (nguồn vốn); the words the source uses are kept beside it. */
public enum FundingSource {
    /** Ngân sách trung ương. */
    CENTRAL_BUDGET,
    /** Ngân sách tỉnh. */
    PROVINCIAL_BUDGET,
    /** Ngân sách huyện. */
    DISTRICT_BUDGET,
    /** Ngân sách xã. */
    COMMUNE_BUDGET,
    /** Vốn lồng ghép các chương trình, dự án. */
    INTEGRATED_PROGRAMMES,
    /** Doanh nghiệp, hợp tác xã. */
    BUSINESSES,
    /** Nhân dân đóng góp (vốn đối ứng của nhân dân). */
    RESIDENTS,
    /** A source the document names that none of the above is; its words say which. */
    OTHER
}
