package org.ntmrecords.events.unit;

/**
 * Kinds of administrative unit, as the General Statistics Office (GSO) lists them, with their level
 * (1 province, 2 district, 3 commune).
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
    TOWNSHIP(3);

    private final int level;

    UnitKind(int level) {
        this.level = level;
    }

    public int level() {
        return level;
    }

    /** Whether a unit of this kind may sit directly under a unit of the given kind. */
    public boolean mayHaveParent(UnitKind parent) {
        if (parent == null) {
            return level == 1;
        }
        return parent.level == level - 1;
    }
}
