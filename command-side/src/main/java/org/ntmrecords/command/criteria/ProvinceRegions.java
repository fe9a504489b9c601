package org.ntmrecords.command.criteria;

import java.util.Optional;
import org.ntmrecords.events.criteria.Region;

/**
 * Which of the seven regions of QĐ 318/QĐ-TTg a province lies in, by its GSO code, for the provinces whose region a
 * source states (reference data shipped with the service, each line with its source). A province not listed has
 * no known region: the region given when one of its units is tracked is not checked against it.
 */
public interface ProvinceRegions {
    Optional<ProvinceRegion> regionOf(String provinceCode);

    /** @param source where the mapping is stated (document and place) */
    record ProvinceRegion(String provinceCode, String provinceName, Region region, String source) {
    }

    /** No province's region known: nothing is checked. */
    static ProvinceRegions none() {
        return code -> Optional.empty();
    }
}
