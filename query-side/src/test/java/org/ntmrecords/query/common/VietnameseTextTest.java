package org.ntmrecords.query.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class VietnameseTextTest {
    @Test
    void foldsComposedDecomposedAndUnaccentedFormsAlike() {
        String composed = Normalizer.normalize("Đốc Binh Kiều", Normalizer.Form.NFC);
        String decomposed = Normalizer.normalize("Đốc Binh Kiều", Normalizer.Form.NFD);
        assertThat(VietnameseText.fold(composed)).isEqualTo("doc binh kieu");
        assertThat(VietnameseText.fold(decomposed)).isEqualTo("doc binh kieu");
        assertThat(VietnameseText.fold("DOC  BINH kieu ")).isEqualTo("doc binh kieu");
    }

    @Test
    void foldsBothToneMarkPlacements() {
        assertThat(VietnameseText.fold("Mỹ Hòa")).isEqualTo(VietnameseText.fold("Mỹ Hoà"));
    }
}
