package org.ntmrecords.infra.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.ntmrecords.events.common.Message;

/** Encodings and delimiters as Excel writes CSV in Việt Nam, found from the bytes and the header row. */
class CsvDialectTest {
    static final List<String> REQUIRED = IndicatorValueCsvImport.REQUIRED;
    private static final String HEADER = String.join(",", IndicatorValueCsvImport.COLUMNS);
    private static final String ROW = "30049,s,v1,17.7,2024-01-01,,PERCENTAGE,\"71,32\",UBND huyện,Phụ lục 6 ghi chú";

    /**
     * Text as Windows writes it in code page 1258: letters with a circumflex, breve or horn (â ê ô ă ơ ư) and đ are
     * single characters, the tone marks (` ´ ~ ̉ ̣) combining ones after them.
     */
    static byte[] windows1258(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : Normalizer.normalize(text, Normalizer.Form.NFC).toCharArray()) {
            StringBuilder base = new StringBuilder();
            StringBuilder tones = new StringBuilder();
            for (char d : Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).toCharArray()) {
                ("\u0300\u0301\u0303\u0309\u0323".indexOf(d) >= 0 ? tones : base).append(d);
            }
            out.append(Normalizer.normalize(base, Normalizer.Form.NFC)).append(tones);
        }
        Charset cp1258 = Charset.forName("windows-1258");
        assertThat(cp1258.newEncoder().canEncode(out)).as("encodable in windows-1258: %s", text).isTrue();
        return out.toString().getBytes(cp1258);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    @Test
    void windows1258IsInThisRuntime() {
        assertThat(Charset.isSupported("windows-1258")).isTrue();
        assertThat(CsvDialect.WINDOWS_1258).isNotNull();
    }

    @Test
    void utf8WithAndWithoutTheMark() {
        String text = HEADER + "\n" + ROW + "\n";
        CsvDialect.Decoded plain = CsvDialect.read(text.getBytes(StandardCharsets.UTF_8), null, REQUIRED);
        CsvDialect.Decoded marked = CsvDialect.read(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                text.getBytes(StandardCharsets.UTF_8)), null, REQUIRED);
        assertThat(plain).isEqualTo(new CsvDialect.Decoded(text, new CsvDialect(StandardCharsets.UTF_8, ',')));
        assertThat(marked).as("the mark left out").isEqualTo(plain);
        assertThat(CsvDialect.read(("\ufeff" + text).getBytes(StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE,
                REQUIRED).text()).isEqualTo(text);
    }

    @Test
    void utf16WithItsMarkAsExcelsUnicodeText() {
        String text = HEADER.replace(',', '\t') + "\n";
        CsvDialect.Decoded read = CsvDialect.read(text.getBytes(StandardCharsets.UTF_16), null, REQUIRED);
        assertThat(read.text()).isEqualTo(text);
        assertThat(read.dialect().delimiter()).isEqualTo('\t');
    }

    @Test
    void windows1258WhenNotUtf8AndTheHeaderReads() {
        String text = HEADER.replace(',', ';') + "\r\n" + ROW.replace(',', ';') + "\r\n";
        CsvDialect.Decoded read = CsvDialect.read(windows1258(text), null, REQUIRED);
        assertThat(read.dialect()).isEqualTo(new CsvDialect(Charset.forName("windows-1258"), ';'));
        assertThat(read.text()).as("composed, as UTF-8 files write it").isEqualTo(text)
                .contains("Phụ lục 6 ghi chú");
        assertThat(read.dialect().said().in(Message.VIETNAMESE))
                .isEqualTo("Đọc tệp theo bảng mã windows-1258, các cột phân cách bằng dấu chấm phẩy");
    }

    @Test
    void aFileNeitherUtf8NorWindows1258WithItsColumnsIsRefusedNamingWhatWasTried() {
        byte[] latin = ("mã,đơn vị\n" + ROW).getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> CsvDialect.read(latin, null, REQUIRED))
                .isInstanceOfSatisfying(IndicatorValueCsvImport.Unreadable.class, e -> {
                    assertThat(e.text().in(Message.VIETNAMESE)).startsWith("Không đọc được tệp: đã thử bảng mã "
                            + "UTF-8, windows-1258, nhưng tệp không phải UTF-8").contains("--encoding=windows-1258");
                    assertThat(e.text().in(Locale.ENGLISH)).contains("tried the encodings UTF-8, windows-1258");
                });
    }

    @Test
    void aDeclaredEncodingIsReadStrictly() {
        byte[] bytes = windows1258(HEADER + "\n" + ROW + "\n");
        assertThat(CsvDialect.read(bytes, Charset.forName("windows-1258"), REQUIRED).text()).contains("Phụ lục");
        assertThatThrownBy(() -> CsvDialect.read(bytes, StandardCharsets.UTF_8, REQUIRED))
                .isInstanceOfSatisfying(IndicatorValueCsvImport.Unreadable.class, e -> assertThat(
                        e.text().in(Message.VIETNAMESE)).startsWith("Tệp không phải văn bản theo bảng mã UTF-8 "
                        + "(byte không hợp lệ ở vị trí " + (HEADER.length() + 1 + ROW.indexOf("ệ")) + ")"));
        assertThat(CsvDialect.charset("Windows-1258")).isEqualTo(Charset.forName("windows-1258"));
        assertThatThrownBy(() -> CsvDialect.charset("tcvn3"))
                .isInstanceOfSatisfying(IndicatorValueCsvImport.Unreadable.class, e -> assertThat(
                        e.text().in(Message.VIETNAMESE)).isEqualTo("Không có bảng mã “tcvn3” (ví dụ: UTF-8, windows-1258)"));
    }

    @Test
    void theDelimiterIsTheOneThatSplitsTheHeaderIntoTheColumns() {
        assertThat(CsvDialect.delimiter(HEADER, REQUIRED)).isEqualTo(',');
        assertThat(CsvDialect.delimiter(HEADER.replace(',', ';'), REQUIRED)).isEqualTo(';');
        assertThat(CsvDialect.delimiter(HEADER.replace(',', '\t'), REQUIRED)).isEqualTo('\t');
        assertThat(CsvDialect.delimiter("\"unit_code\";\"set_id\";\"value_id\";\"indicator_code\";\"period_start\";"
                + "\"period_end\";\"kind\";\"value\"", REQUIRED)).as("quoted names").isEqualTo(';');
        assertThat(CsvDialect.delimiter("unit_code;set_id;value_id;indicator_code,x", REQUIRED))
                .as("the one finding most, so the missing ones can be named").isEqualTo(';');
        assertThat(CsvDialect.delimiter("something else", REQUIRED)).isEqualTo(',');
    }

    @Test
    void utf8WithAFewDamagedBytesIsRefusedByItsOffsetAndLineNeverReadAsWindows1258() {
        byte[] good = (HEADER + "\n" + ROW.replace("UBND huyện", "Trạm Y tế") + "\n30049").getBytes(StandardCharsets.UTF_8);
        byte[] broken = concat(good, new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, '\n'});
        assertThatThrownBy(() -> CsvDialect.read(broken, null, REQUIRED))
                .isInstanceOfSatisfying(IndicatorValueCsvImport.Unreadable.class, e -> {
                    assertThat(e.text().key()).isEqualTo("import.file.brokenUtf8");
                    assertThat(e.text().in(Locale.ENGLISH)).contains("offset " + good.length + ", line 3")
                            .contains("--encoding=windows-1258");
                });
        // declared, it is read as declared: Windows-1258 maps these bytes, and the sender said so
        assertThat(CsvDialect.read(broken, CsvDialect.WINDOWS_1258, REQUIRED).dialect().charset())
                .isEqualTo(CsvDialect.WINDOWS_1258);
    }

    @Test
    void windows1258TextIsNotTakenForUtf8LettersEvenWithATonedWordBeforeAQuote() {
        // "Hà”": a (0x61), the grave tone (0xCC) and the closing quote (0x94) make CC 94, a UTF-8 combining mark
        byte[] text = windows1258(HEADER + "\n" + ROW.replace("UBND huyện", "Xã “Hà” và “Tân Kiều”") + "\n");
        assertThat(CsvDialect.writesLettersInUtf8(text)).isFalse();
        assertThat(CsvDialect.read(text, null, REQUIRED).dialect().charset()).isEqualTo(CsvDialect.WINDOWS_1258);
        assertThat(CsvDialect.writesLettersInUtf8("Trạm".getBytes(StandardCharsets.UTF_8))).isTrue();
    }
}
