package org.ntmrecords.events.unit;

/**
 * Kinds of administrative unit, as the General Statistics Office (GSO) lists them, with their level
 * (1 province, 2 district, 3 commune), and the villages below a commune (level 4), which the GSO does not list.
 * Since the district level was abolished on 1 July 2025, commune-level units sit directly under their province;
 * both arrangements are valid. A village sits only directly under a commune-level unit.
 *
 * <p>The village kinds keep their Vietnamese names: "village" would translate thôn, làng and bản alike.
 */
public enum UnitKind {
    /** Tỉnh. */
    PROVINCE(1),
    /** Thành phố trực thuộc trung ương. */
    CITY_PROVINCE(1),
    /** Huyện or Quận. */
    DISTRICT(2),
    /** Thị xã. */
    TOWN(2),
    /** Thành phố thuộc tỉnh. */
    CITY(2),
    /** Xã. */
    COMMUNE(3),
    /** Phường. */
    WARD(3),
    /** Thị trấn. */
    TOWNSHIP(3),
    /** Đặc khu: an island special zone at commune level, directly under its province (since 1 July 2025). */
    SPECIAL_ZONE(3),
    /** Thôn: a village of a commune (level 4, no GSO code). */
    THON(4),
    /** Ấp: a village (hamlet) of a commune, as the southern provinces name it (level 4, no GSO code). */
    AP(4),
    /** Khu dân cư: a residential area of a commune, ward or township (level 4, no GSO code). */
    KHU_DAN_CU(4),
    /** Bản: a village, as the upland provinces name it (level 4, no GSO code). */
    BAN(4),
    /** Làng: a village (level 4, no GSO code). */
    LANG(4);

    /** The level of the villages (thôn, ấp, khu dân cư, bản, làng), below the commune. */
    public static final int VILLAGE_LEVEL = 4;

    private final int level;

    UnitKind(int level) {
        this.level = level;
    }

    public int level() {
        return level;
    }

    /** Whether this is a village kind (thôn, ấp, khu dân cư, bản, làng: level 4). */
    public boolean village() {
        return level == VILLAGE_LEVEL;
    }

    /**
     * Whether a unit of this kind may sit directly under a unit of the given kind: any higher level, except that a
     * village sits only under a commune-level unit (xã, phường, thị trấn, đặc khu).
     */
    public boolean mayHaveParent(UnitKind parent) {
        if (parent == null) {
            return level == 1;
        }
        if (village()) {
            return parent.level == 3;
        }
        return parent.level < level;
    }
}
