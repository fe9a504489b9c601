package org.ntmrecords.events.criteria;

import java.util.Arrays;
import java.util.Optional;

/**
 * The seven socio-economic regions whose thresholds may differ in the 2021-2025 national sets (QĐ 318/QĐ-TTg;
 * names verified in secondary sources, see the reference catalog). Keys are stored in events and definitions.
 */
public enum Region {
    TDMNPB("tdmnpb", "Trung du miền núi phía Bắc"),
    DBSH("dbsh", "Đồng bằng sông Hồng"),
    BTB("btb", "Bắc Trung Bộ"),
    DHNTB("dhntb", "Duyên hải Nam Trung Bộ"),
    TN("tn", "Tây Nguyên"),
    DNB("dnb", "Đông Nam Bộ"),
    DBSCL("dbscl", "Đồng bằng sông Cửu Long");

    private final String key;
    private final String vietnameseName;

    Region(String key, String vietnameseName) {
        this.key = key;
        this.vietnameseName = vietnameseName;
    }

    public String key() {
        return key;
    }

    public String vietnameseName() {
        return vietnameseName;
    }

    public static Optional<Region> byKey(String key) {
        return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
    }
}
