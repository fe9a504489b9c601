package org.ntmrecords.command.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class InputsTest {
    @Test
    void textIsStoredInNfcAndTrimmed() {
        String nfd = Normalizer.normalize("  Tân Kiều ", Normalizer.Form.NFD);
        assertThat(Inputs.requiredLine("name", nfd, 50)).isEqualTo("Tân Kiều");
    }

    @Test
    void controlCharactersAreRefusedNotTrimmedAway() {
        for (char c : new char[] {'\u0000', '\u000B', '\u000C', '\u001C', '\u001F', '\u0085', '\u200E', '\u2028'}) {
            assertThatThrownBy(() -> Inputs.requiredLine("name", "Tân Kiều" + c, 50))
                    .as("U+%04X", (int) c).isInstanceOf(CommandRejectedException.class);
        }
    }

    @Test
    void freeTextMaySpanLinesButSingleLinesMayNot() {
        assertThat(Inputs.requiredText("note", "dòng 1\ndòng 2\tcột", 50)).contains("\n");
        assertThatThrownBy(() -> Inputs.requiredLine("name", "dòng 1\ndòng 2", 50)).isInstanceOf(CommandRejectedException.class);
    }

    @Test
    void lengthsCountCharactersNotBytes() {
        assertThat(Inputs.requiredLine("name", "ệ".repeat(10), 10)).hasSize(10);
        assertThatThrownBy(() -> Inputs.requiredLine("name", "ệ".repeat(11), 10)).isInstanceOf(CommandRejectedException.class);
    }
}
