package org.ntmrecords.infra.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reporting duties and targets are keyed by the unit their first event names, whatever their later events say. */
class PlanningStreamKeysTest {
    @Test
    void dutiesAndTargetsAreKeyedByTheirUnit() {
        byte[] duty = "{\"dutyId\":\"dinh-ky-2024\",\"unitCode\":\"872\"}".getBytes(StandardCharsets.UTF_8);
        byte[] target = "{\"targetId\":\"thu-nhap-2024\",\"unitCode\":\"18262\"}".getBytes(StandardCharsets.UTF_8);
        StreamKeys keys = new StreamKeys(stream -> stream.startsWith("reporting:") ? duty : target);
        assertThat(keys.keyOf("ReportingDuty", "reporting:872/dinh-ky-2024", 0, duty)).isEqualTo("872");
        assertThat(keys.keyOf("ReportingDuty", "reporting:872/dinh-ky-2024", 5, "{}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("872");
        assertThat(keys.keyOf("Target", "target:18262/thu-nhap-2024", 2, "{}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("18262");
    }
}
