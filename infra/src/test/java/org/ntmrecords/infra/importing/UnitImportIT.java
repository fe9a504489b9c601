package org.ntmrecords.infra.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.unit.ImportOutcome;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.TestPropertySource;

/** The whole GSO unit list (11,383 rows) imports, and importing it again changes nothing. */
@TestPropertySource(properties = {"ntm.demo.enabled=false", "ntm.security.seed-accounts.enabled=true",
        "ntm.security.seed-accounts.accounts[0].username=auditor",
        "ntm.security.seed-accounts.accounts[0].display-name=Thanh tra",
        "ntm.security.seed-accounts.accounts[0].role=AUDITOR"})
class UnitImportIT extends IntegrationTest {
    @Autowired
    UnitCsvImport units;

    private UnitCsvImport.Report importAll(List<Message> progress) throws Exception {
        try (var reader = new InputStreamReader(new ClassPathResource("data/units/units-2024.csv").getInputStream(),
                StandardCharsets.UTF_8)) {
            return units.run(reader, "units-2024.csv", progress::add);
        }
    }

    @Test
    void importsEveryUnitOnceAndIsIdempotent() throws Exception {
        List<Message> progress = new ArrayList<>();
        UnitCsvImport.Report first = importAll(progress);
        System.out.println("first import: " + first.summary());
        assertThat(first.rejected()).isEmpty();
        assertThat(first.rows()).isEqualTo(11_383);
        assertThat(first.count(ImportOutcome.REGISTERED)).isEqualTo(11_383);
        assertThat(first.accounted()).isEqualTo(first.rows());
        assertThat(progress).hasSizeGreaterThanOrEqualTo(11);
        assertThat(progress.get(0).in(Message.VIETNAMESE)).matches("1000/11383 dòng \\(\\d+ dòng/giây\\)");
        assertThat(progress.get(0).toString()).matches("1000/11383 rows \\(\\d+ rows/s\\)");
        assertThat(eventCount()).isEqualTo(11_383 + 1);

        awaitProjections();
        assertThat(jdbc.queryForObject("select count(*) from read_model.unit", Integer.class)).isEqualTo(11_383);
        assertThat(jdbc.queryForObject("select count(*) from read_model.unit where level = 3", Integer.class))
                .isEqualTo(10_613);
        graphQl().documentName("units").variable("search", "Tháp Mười").variable("kind", "DISTRICT").execute()
                .path("units.edges[*].node.code").entityList(String.class).containsExactly("872");

        UnitCsvImport.Report again = importAll(new ArrayList<>());
        System.out.println("second import: " + again.summary());
        assertThat(again.count(ImportOutcome.UNCHANGED)).isEqualTo(11_383);
        assertThat(again.accounted()).isEqualTo(again.rows());
        assertThat(again.summary()).contains("11383 rows").contains("0 registered, 0 updated, 11383 unchanged, "
                + "0 skipped: older than the unit's recorded reorganisation or cessation, 0 rejected");
        assertThat(again.rejected()).isEmpty();
        assertThat(eventCount()).as("the units' events and the seeded auditor's account").isEqualTo(11_383 + 1);
    }

    @Test
    void aRowThatCannotBeReadOrIsRefusedIsCountedAsRejectedWithItsLineAndStoresNothing() throws Exception {
        long before = eventCount();
        String file = "code,name,kind,parent_code,full_name\n"
                + ",Không mã,commune,872,Xã Không mã\n"   // no code
                + "99901,Thử,hamlet,872,Thôn Thử\n"       // no such kind
                + "99902,Thử,commune,998,Xã Thử\n";       // no such parent
        UnitCsvImport.Report report = units.run(new java.io.StringReader(file), "test.csv", line -> { });
        assertThat(report.rows()).isEqualTo(3);
        assertThat(report.rejected()).hasSize(3).anySatisfy(r -> assertThat(r).startsWith("line 2: no code"))
                .anySatisfy(r -> assertThat(r).startsWith("line 3: unknown kind 'hamlet'"))
                .anySatisfy(r -> assertThat(r).startsWith("line 4 (99902): parent unit 998 is not registered"));
        assertThat(report.rejected(Message.VIETNAMESE)).as("in the task's language")
                .contains("dòng 2: không có mã", "dòng 3: không có loại đơn vị 'hamlet'",
                        "dòng 4 (99902): Đơn vị cấp trên 998 chưa được đăng ký");
        assertThat(report.summary(Message.VIETNAMESE)).startsWith("3 dòng trong ").endsWith("3 bị từ chối");
        assertThat(report.accounted()).as(report.summary()).isEqualTo(report.rows());
        assertThat(report.summary()).endsWith("3 rejected");
        assertThat(eventCount()).isEqualTo(before);
    }
}
