package org.ntmrecords.command.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.access.Role;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.events.criteria.Grade;
import org.ntmrecords.events.criteria.SetLevel;
import org.ntmrecords.events.unit.UnitKind;

/**
 * The command side's words: every term a refusal names ({@link CommandText#term}) in both languages, every message
 * the code builds named by a literal key (so that the bundle check, infra's MessageBundlesTest, sees each one), and
 * values written for the reader: a date dd/mm/yyyy and a decimal comma in Vietnamese, as they are in English.
 */
class CommandTextTest {
    private static final Locale VI = Message.VIETNAMESE;

    private static List<Enum<?>> terms() throws ClassNotFoundException {
        List<Enum<?>> terms = new ArrayList<>();
        for (Class<?> type : List.of(Role.class, UnitKind.class, SetLevel.class, Grade.class,
                Class.forName("org.ntmrecords.command.recognition.CaseProcedure$Status"))) {
            for (Object constant : type.getEnumConstants()) {
                terms.add((Enum<?>) constant);
            }
        }
        return terms;
    }

    @Test
    void everyTermIsNamedInBothLanguages() throws ClassNotFoundException {
        ResourceBundle.Control exact = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        ResourceBundle vi = ResourceBundle.getBundle(CommandText.BUNDLE, VI, exact);
        ResourceBundle en = ResourceBundle.getBundle(CommandText.BUNDLE, Locale.ENGLISH, exact);
        for (Enum<?> term : terms()) {
            String key = CommandText.term(term).key();
            assertThat(vi.keySet()).as(key).contains(key);
            assertThat(en.getString(key)).as("in English a term is the API's name").isEqualTo(term.name());
            assertThat(vi.getString(key)).as(key).isNotEqualTo(term.name());
        }
    }

    @Test
    void everyMessageTheCommandSideBuildsNamesItsKey() throws IOException {
        Pattern call = Pattern.compile("CommandText\\.of\\(\\s*(.)");
        List<String> dynamic = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = call.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).equals("\"") && !file.endsWith("CommandText.java")) {
                        dynamic.add(file.getFileName() + " at " + m.start());
                    }
                }
            }
        }
        assertThat(dynamic).as("CommandText.of with a key that is not a literal").isEmpty();
    }

    @Test
    void valuesAreWrittenForTheReader() {
        Message ratio = CommandText.of("scorecard.value.ratioAbove", new BigDecimal("15.20"), new BigDecimal("12"));
        assertThat(ratio.in(VI)).isEqualTo("Tử số 15,20 lớn hơn mẫu số 12: tỷ lệ không thể vượt quá 100%");
        assertThat(ratio.toString()).isEqualTo("numerator 15.20 exceeds denominator 12: a share cannot be above 100%");
        Message ceased = CommandText.of("unit.ceased", "30049", LocalDate.of(2025, 7, 1));
        assertThat(ceased.in(VI)).isEqualTo("Đơn vị 30049 đã chấm dứt hoạt động từ ngày 01/07/2025; "
                + "hồ sơ của đơn vị không thể thay đổi nữa");
        assertThat(ceased.in(Locale.ENGLISH)).isEqualTo("unit 30049 ceased on 2025-07-01; its record can no longer change");
        Message year = CommandText.of("recognition.yearRange", "2009", "2026");
        assertThat(year.in(VI)).as("a year given as text is not grouped").isEqualTo("Năm 2009 nằm ngoài khoảng 2010–2026");
        assertThat(CommandText.of("access.mayNot", CommandText.term(Role.COMMUNE_OFFICER),
                CommandText.of("access.do.recordDecisions")).in(VI))
                .isEqualTo("Vai trò cán bộ xã không được ghi nhận quyết định đánh giá chỉ tiêu");
        assertThat(CommandText.joined("list.and", List.of("87 Đồng Tháp", "82 Tiền Giang")).toString())
                .isEqualTo("87 Đồng Tháp and 82 Tiền Giang");
    }

    @org.junit.jupiter.api.Test
    void aFieldIsNamedByItsLabelInTheReadersLanguageAndByItsPathWhereNoneIsWritten() {
        Message negative = CommandText.of("scorecard.value.negative", CommandText.field("value.percentage"), "-5");
        assertThat(negative.in(VI)).isEqualTo("Tỷ lệ phần trăm không được âm: -5");
        assertThat(negative.in(Locale.ENGLISH)).startsWith("The percentage");
        // list indices are not part of the label's key
        assertThat(CommandText.of("input.required", CommandText.field("evidence[2].number")).in(VI))
                .startsWith("Số văn bản minh chứng");
        assertThat(CommandText.of("input.required", CommandText.field("someField.nobodyLabelled")).in(VI))
                .startsWith("someField.nobodyLabelled");
    }
}
