package org.ntmrecords.query.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form in which Vietnamese names are matched. The same name may arrive composed (NFC) or decomposed
 * (NFD), with either tone-mark placement ({@code Hòa} / {@code Hoà}, both used by the GSO list), or typed
 * without diacritics; all of them fold to the same text.
 */
public final class VietnameseText {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private VietnameseText() {
    }

    /** Lower case without diacritics, {@code đ} as {@code d}: {@code Tân Kiều} → {@code tan kieu}. */
    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String bare = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
        return SPACES.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
