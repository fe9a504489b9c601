package org.ntmrecords.events.unit;

/**
 * Kinds of administrative unit, as the General Statistics Office (GSO) lists them, with their level
 * (1 province, 2 district, 3 commune). Since the district level was abolished on 1 July 2025,
 * commune-level units sit directly under their province; both arrangements are valid.
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
    SPECIAL_ZONE(3);

    private final int level;

    UnitKind(int level) {
        this.level = level;
    }

    public int level() {
        return level;
    }

    /** Whether a unit of this kind may sit directly under a unit of the given kind: any higher level. */
    public boolean mayHaveParent(UnitKind parent) {
        if (parent == null) {
            return level == 1;
        }
        return parent.level < level;
    }
}
