package org.ntmrecords.command.access;

/**
 * What an account may do. Jurisdiction follows the unit hierarchy: a role with a unit acts on that unit and
 * the units under it.
 */
public enum Role {
    /** Cán bộ xã: records values for its commune. */
    COMMUNE_OFFICER(true),
    /** Phòng chuyên môn huyện: records values for the criteria and indicators assigned to its agency. */
    DISTRICT_AGENCY(true),
    /** Văn phòng Điều phối NTM huyện: tracks units and records values and decisions in its district. */
    DISTRICT_COORDINATION_OFFICE(true),
    /** District verification (thẩm tra): records decisions in its district. */
    VERIFIER(true),
    /** Provincial appraisal (thẩm định): records decisions in its province. */
    APPRAISER(true),
    /** The authority that grants and revokes recognition (provincial chairperson, Prime Minister). */
    DECISION_AUTHORITY(true),
    /**
     * Hội đồng thẩm định Trung ương (led by the Ministry of Agriculture, with the ministries' comments): appraises
     * district titles, nationwide.
     */
    CENTRAL_APPRAISER(false),
    /** Thủ tướng Chính phủ: decides (grants, refuses, revokes) district titles, nationwide. */
    CENTRAL_AUTHORITY(false),
    /** Thanh tra, kiểm toán: reads everything, history and security log included; writes nothing. */
    AUDITOR(false),
    /** Reads standings only. */
    DASHBOARD_VIEWER(false),
    /** Units, criteria sets, agencies and their assignments, accounts. */
    ADMINISTRATOR(false),
    /** A named task of the service itself (demo loader, unit import); never a user. */
    SYSTEM(false);

    private final boolean needsUnit;

    Role(boolean needsUnit) {
        this.needsUnit = needsUnit;
    }

    /** Whether accounts of this role act within a unit's jurisdiction (and so must name one). */
    public boolean needsUnit() {
        return needsUnit;
    }
}
