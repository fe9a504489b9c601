package org.ntmrecords.events.criteria;

import java.util.EnumSet;
import java.util.Set;
import org.ntmrecords.events.unit.UnitKind;

/** The level of unit a criteria set rates. */
public enum SetLevel {
    /** Xã. */
    COMMUNE(EnumSet.of(UnitKind.COMMUNE)),
    /** Phường, thị trấn (e.g. the civilized-urban criteria, đô thị văn minh). */
    WARD_TOWNSHIP(EnumSet.of(UnitKind.WARD, UnitKind.TOWNSHIP)),
    /** Huyện, thị xã, thành phố thuộc tỉnh. */
    DISTRICT(EnumSet.of(UnitKind.DISTRICT, UnitKind.TOWN, UnitKind.CITY)),
    /** Tỉnh, thành phố trực thuộc trung ương. */
    PROVINCE(EnumSet.of(UnitKind.PROVINCE, UnitKind.CITY_PROVINCE)),
    /** Thôn, ấp, khu dân cư, bản, làng (e.g. the model village criteria, khu dân cư / thôn NTM kiểu mẫu). */
    VILLAGE(EnumSet.of(UnitKind.THON, UnitKind.AP, UnitKind.KHU_DAN_CU, UnitKind.BAN, UnitKind.LANG));

    private final Set<UnitKind> unitKinds;

    SetLevel(Set<UnitKind> unitKinds) {
        this.unitKinds = unitKinds;
    }

    public boolean rates(UnitKind kind) {
        return unitKinds.contains(kind);
    }

    public Set<UnitKind> unitKinds() {
        return EnumSet.copyOf(unitKinds);
    }
}
