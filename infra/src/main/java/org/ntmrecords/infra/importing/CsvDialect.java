package org.ntmrecords.infra.importing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.infra.api.ApiText;

/**
 * How a CSV file is written, as Excel writes it in Việt Nam: its encoding (UTF-8 with or without a byte-order mark,
 * UTF-16 with one, or Windows-1258, the Vietnamese ANSI code page) and its delimiter (comma, semicolon or tab, the
 * one that splits the header row into the expected columns). The rules are in {@code docs/import-formats.md}.
 */
public record CsvDialect(Charset charset, char delimiter) {
    /** The Vietnamese Windows code page (module jdk.charsets), or null in a runtime without it. */
    static final Charset WINDOWS_1258 = Charset.isSupported("windows-1258") ? Charset.forName("windows-1258") : null;
    private static final char[] DELIMITERS = {',', ';', '\t'};

    /** A file's text (NFC, without a byte-order mark) and how it was written. */
    public record Decoded(String text, CsvDialect dialect) {
    }

    /** The charset a user names ({@code --encoding=windows-1258}), or why there is none of that name. */
    public static Charset charset(String name) {
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IndicatorValueCsvImport.Unreadable(ApiText.of("import.file.unknownEncoding", name));
        }
    }

    /**
     * Reads a file's bytes: in the {@code declared} charset when there is one; otherwise as the byte-order mark says,
     * else as strict UTF-8, else as Windows-1258 if its header row then has the {@code required} columns. Refused
     * (never guessed further) when none of these reads it.
     */
    public static Decoded read(byte[] bytes, Charset declared, Collection<String> required) {
        Charset charset;
        int skip = 0;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF) && (declared == null || declared.equals(StandardCharsets.UTF_8))) {
            charset = StandardCharsets.UTF_8;
            skip = 3;
        } else if (declared != null) {
            charset = declared;
        } else if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16;
        } else {
            charset = null;
        }
        if (charset != null) {
            String text = decode(bytes, skip, charset);
            if (text == null) {
                throw new IndicatorValueCsvImport.Unreadable(ApiText.of("import.file.notInEncoding", charset.name(),
                        String.valueOf(firstBadByte(bytes, skip, charset))));
            }
            return decoded(text, charset, required);
        }
        String utf8 = decode(bytes, 0, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return decoded(utf8, StandardCharsets.UTF_8, required);
        }
        if (writesLettersInUtf8(bytes)) {
            // UTF-8 with a few bytes damaged: read as Windows-1258 its letters would become mojibake (Tráº¡m)
            int bad = firstBadByte(bytes, 0, StandardCharsets.UTF_8);
            throw new IndicatorValueCsvImport.Unreadable(ApiText.of("import.file.brokenUtf8", String.valueOf(bad),
                    String.valueOf(lineOf(bytes, bad))));
        }
        List<String> tried = new ArrayList<>(List.of(StandardCharsets.UTF_8.name()));
        if (WINDOWS_1258 != null) {
            tried.add(WINDOWS_1258.name());
            String vietnamese = decode(bytes, 0, WINDOWS_1258);
            if (vietnamese != null) {
                Decoded read = decoded(vietnamese, WINDOWS_1258, required);
                if (columns(headerLine(read.text()), read.dialect().delimiter()).containsAll(required)) {
                    return read;
                }
            }
        }
        throw new IndicatorValueCsvImport.Unreadable(ApiText.of("import.file.encoding", tried,
                String.join(",", required)));
    }

    /**
     * The delimiter of a file whose first line is {@code header}: the first of comma, semicolon and tab that splits it
     * into all the {@code required} columns; failing that, the one that finds most of them (comma on a tie), so that
     * the columns missing can be named.
     */
    public static char delimiter(String header, Collection<String> required) {
        char best = ',';
        int bestFound = -1;
        for (char delimiter : DELIMITERS) {
            Set<String> found = columns(header, delimiter);
            found.retainAll(required);
            if (found.size() > bestFound) {
                best = delimiter;
                bestFound = found.size();
            }
        }
        return best;
    }

    /** How the dialect is said to a person: {@code Reading the file as UTF-8, columns separated by semicolons}. */
    public Message said() {
        return ApiText.of("import.file.dialect", charset.name(), ApiText.of(switch (delimiter) {
            case ';' -> "import.file.semicolon";
            case '\t' -> "import.file.tab";
            default -> "import.file.comma";
        }));
    }

    /** The text without a leading byte-order mark (a file read elsewhere may keep it as U+FEFF). */
    static String withoutMark(String text) {
        return text.startsWith("\ufeff") ? text.substring(1) : text;
    }

    static String headerLine(String text) {
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** The names of a header row split at {@code delimiter}, each without its quotes and surrounding spaces. */
    static Set<String> columns(String header, char delimiter) {
        Set<String> names = new HashSet<>();
        StringBuilder name = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                names.add(name.toString().strip());
                name.setLength(0);
            } else {
                name.append(c);
            }
        }
        names.add(name.toString().strip());
        return names;
    }

    private static Decoded decoded(String text, Charset charset, Collection<String> required) {
        String nfc = withoutMark(Normalizer.normalize(text, Normalizer.Form.NFC));
        return new Decoded(nfc, new CsvDialect(charset, delimiter(headerLine(nfc), required)));
    }

    /**
     * Whether the bytes hold a well-formed UTF-8 sequence of two or more bytes that writes a Latin letter with its
     * accent (U+00C0–U+024F, U+1E00–U+1EFF: {@code ạ} is {@code E1 BA A1}). Windows-1258 text does not: its letters
     * are single bytes, and a tone mark (0xCC, 0xD2, …) followed by punctuation makes at most a combining mark.
     */
    static boolean writesLettersInUtf8(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            int lead = bytes[i] & 0xFF;
            int length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : 0;
            if (length == 0 || i + length > bytes.length) {
                continue;
            }
            int codePoint = lead & (length == 2 ? 0x1F : 0x0F);
            boolean wellFormed = true;
            for (int k = 1; k < length; k++) {
                int next = bytes[i + k] & 0xFF;
                if ((next & 0xC0) != 0x80) {
                    wellFormed = false;
                    break;
                }
                codePoint = (codePoint << 6) | (next & 0x3F);
            }
            if (wellFormed && (codePoint >= 0xC0 && codePoint <= 0x24F || codePoint >= 0x1E00 && codePoint <= 0x1EFF)) {
                return true;
            }
        }
        return false;
    }

    /** The line (from 1) of the byte at {@code offset}. */
    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The bytes from {@code offset} in {@code charset}, or null when they are not text in it. */
    private static String decode(byte[] bytes, int offset, Charset charset) {
        try {
            return strict(charset).decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    /** Where the first byte that is not text in {@code charset} is, counting from 0. */
    private static int firstBadByte(byte[] bytes, int offset, Charset charset) {
        CharsetDecoder decoder = strict(charset);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                return in.position();
            }
            out.clear();
        }
    }
}
