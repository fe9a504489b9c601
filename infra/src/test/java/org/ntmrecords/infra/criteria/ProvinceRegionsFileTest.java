package org.ntmrecords.infra.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.criteria.ProvinceRegions.ProvinceRegion;
import org.ntmrecords.events.criteria.Region;

/** The shipped province → region data: what it says, that every line has its source, and what it refuses. */
class ProvinceRegionsFileTest {

    @Test
    void theShippedFileListsTheFourteenProvincesItsSourcesGiveEachWithItsSource() {
        ProvinceRegionsFile regions = ProvinceRegionsFile.bundled();
        Map<String, String> byName = regions.all().values().stream()
                .collect(Collectors.toMap(ProvinceRegion::provinceName, r -> r.region().key()));
        assertThat(byName).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("Yên Bái", "tdmnpb"), Map.entry("Bắc Giang", "tdmnpb"), Map.entry("Hải Phòng", "dbsh"),
                Map.entry("Nam Định", "dbsh"), Map.entry("Thanh Hóa", "btb"), Map.entry("Hà Tĩnh", "btb"),
                Map.entry("Quảng Nam", "dhntb"), Map.entry("Khánh Hòa", "dhntb"), Map.entry("Đắk Nông", "tn"),
                Map.entry("Bình Phước", "dnb"), Map.entry("Đồng Nai", "dnb"), Map.entry("Trà Vinh", "dbscl"),
                Map.entry("Đồng Tháp", "dbscl"), Map.entry("Cần Thơ", "dbscl")));
        assertThat(regions.regionOf("87")).get().extracting(ProvinceRegion::region).isEqualTo(Region.DBSCL);
        assertThat(regions.regionOf("42").orElseThrow().source()).contains("seed 003").contains("line 129")
                .contains("vùng Bắc Trung Bộ");
        assertThat(regions.all().values()).allSatisfy(r -> assertThat(r.source())
                .containsAnyOf("provincial-variants-2021-2025.yaml", "seed 003"));
        // a province no source places has no region, and nothing is invented for it (Tiền Giang, Hà Nội)
        assertThat(regions.regionOf("82")).isEmpty();
        assertThat(regions.regionOf("01")).isEmpty();
    }

    @Test
    void aLineWithoutItsSourceAnUnknownRegionOrAProvinceListedTwiceIsRefused() throws Exception {
        String header = "province_code,province_name,region,source\n";
        assertThatThrownBy(() -> ProvinceRegionsFile.read(new StringReader(header + "87,Đồng Tháp,dbscl,\n")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("its source");
        assertThatThrownBy(() -> ProvinceRegionsFile.read(new StringReader(header + "87,Đồng Tháp,mekong,x\n")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'mekong' is not a region key");
        assertThatThrownBy(() -> ProvinceRegionsFile.read(new StringReader(header
                + "87,Đồng Tháp,dbscl,x\n87,Đồng Tháp,dbscl,y\n")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("listed twice");
        assertThat(ProvinceRegionsFile.read(new StringReader("# a comment\n" + header + "87,Đồng Tháp,dbscl,x\n"))
                .regionOf("87")).isPresent();
    }
}
