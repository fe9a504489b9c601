package org.ntmrecords.infra.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A {@link DocumentText} as PDF on A4 pages, in DejaVu Sans (regular and bold, from the jasperreports-fonts artifact,
 * Bitstream Vera licence): it has every Vietnamese letter with its diacritics as a precomposed glyph. Both faces are
 * embedded as subsets, so the file shows the same letters on any reader and stays small. Tables repeat their header
 * on each page they run onto; pages are numbered "Trang n/m".
 */
final class Pdf {
    static final String REGULAR = "net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
    static final String BOLD = "net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";
    private static final byte[] REGULAR_FONT = font(REGULAR);
    private static final byte[] BOLD_FONT = font(BOLD);

    private static final float MARGIN = 42;
    private static final float TITLE_SIZE = 13;
    private static final float HEADING_SIZE = 11;
    private static final float TEXT_SIZE = 9.5f;
    private static final float NOTE_SIZE = 8;
    private static final float TABLE_SIZE = 8;
    private static final float CELL_PADDING = 3;
    private static final float LEADING = 1.3f;
    private static final float KEEP_WITH_PART = 170;
    private static final float KEEP_WITH_SECTION = 90;

    private final PDDocument document;
    private final PDRectangle format;
    private final PDFont regular;
    private final PDFont bold;
    private PDPageContentStream page;
    private float y;

    private Pdf(PDDocument document, boolean landscape) throws IOException {
        this.document = document;
        this.format = landscape ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth())
                : PDRectangle.A4;
        this.regular = PDType0Font.load(document, new ByteArrayInputStream(REGULAR_FONT), true);
        this.bold = PDType0Font.load(document, new ByteArrayInputStream(BOLD_FONT), true);
    }

    static byte[] write(DocumentText text) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(String.join(" ", text.title()));
            info.setCreator("NTM Records");
            Pdf pdf = new Pdf(document, text.landscape());
            pdf.draw(text);
            document.save(out);
            return out.toByteArray();
        }
    }

    private void draw(DocumentText text) throws IOException {
        newPage();
        for (String line : text.title()) {
            centred(line, bold, TITLE_SIZE);
        }
        y -= TEXT_SIZE;
        for (DocumentText.Block block : text.blocks()) {
            if (block instanceof DocumentText.Heading h) {
                // a heading is not left alone at the foot of a page: a few lines of what it heads go with it
                ensure(h.level() == 1 ? KEEP_WITH_PART : KEEP_WITH_SECTION);
                y -= h.level() == 1 ? HEADING_SIZE * 0.8f : TEXT_SIZE * 0.4f;
                lines(h.text(), bold, h.level() == 1 ? HEADING_SIZE : TEXT_SIZE + 0.5f);
            } else if (block instanceof DocumentText.Paragraph p) {
                lines(p.text(), regular, p.note() ? NOTE_SIZE : TEXT_SIZE);
            } else if (block instanceof DocumentText.Table t) {
                table(t);
            }
            y -= TEXT_SIZE * 0.4f;
        }
        page.close();
        number();
    }

    private float width() {
        return format.getWidth() - 2 * MARGIN;
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage next = new PDPage(format);
        document.addPage(next);
        page = new PDPageContentStream(document, next);
        y = format.getHeight() - MARGIN;
    }

    private void ensure(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    private void centred(String text, PDFont font, float size) throws IOException {
        for (String line : wrap(text, font, size, width())) {
            ensure(size * LEADING);
            y -= size * LEADING;
            show(line, font, size, MARGIN + (width() - font.getStringWidth(line) / 1000 * size) / 2, y);
        }
    }

    private void lines(String text, PDFont font, float size) throws IOException {
        for (String line : wrap(text, font, size, width())) {
            ensure(size * LEADING);
            y -= size * LEADING;
            show(line, font, size, MARGIN, y);
        }
    }

    private void table(DocumentText.Table table) throws IOException {
        float[] columns = new float[table.widths().length];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = (float) table.widths()[c] * width();
        }
        List<List<String>> header = cells(table.header(), bold, columns);
        float headerHeight = height(header);
        boolean first = true;
        for (List<String> values : table.rows()) {
            List<List<String>> cells = cells(values, regular, columns);
            float height = height(cells);
            if (first) {
                // the header goes with the first row
                ensure(headerHeight + height);
                row(header, bold, columns, headerHeight);
                first = false;
            } else if (y - height < MARGIN) {
                newPage();
                row(header, bold, columns, headerHeight);
            }
            row(cells, regular, columns, height);
        }
    }

    private List<List<String>> cells(List<String> values, PDFont font, float[] columns) throws IOException {
        List<List<String>> cells = new ArrayList<>();
        for (int c = 0; c < columns.length; c++) {
            String value = c < values.size() && values.get(c) != null ? values.get(c) : "";
            cells.add(wrap(value, font, TABLE_SIZE, columns[c] - 2 * CELL_PADDING));
        }
        return cells;
    }

    private static float height(List<List<String>> cells) {
        int lines = cells.stream().mapToInt(List::size).max().orElse(1);
        return Math.max(1, lines) * TABLE_SIZE * LEADING + 2 * CELL_PADDING;
    }

    private void row(List<List<String>> cells, PDFont font, float[] columns, float height) throws IOException {
        float x = MARGIN;
        page.setLineWidth(0.5f);
        for (int c = 0; c < columns.length; c++) {
            page.addRect(x, y - height, columns[c], height);
            float lineY = y - CELL_PADDING;
            for (String line : cells.get(c)) {
                lineY -= TABLE_SIZE * LEADING;
                show(line, font, TABLE_SIZE, x + CELL_PADDING, lineY + TABLE_SIZE * (LEADING - 1));
            }
            x += columns[c];
        }
        page.stroke();
        y -= height;
    }

    private void show(String line, PDFont font, float size, float x, float baseline) throws IOException {
        if (line.isEmpty()) {
            return;
        }
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, baseline);
        page.showText(line);
        page.endText();
    }

    private void number() throws IOException {
        int count = document.getNumberOfPages();
        for (int n = 0; n < count; n++) {
            try (PDPageContentStream footer = new PDPageContentStream(document, document.getPage(n),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                String label = "Trang " + (n + 1) + "/" + count;
                footer.beginText();
                footer.setFont(regular, NOTE_SIZE);
                footer.newLineAtOffset(format.getWidth() - MARGIN - regular.getStringWidth(label) / 1000 * NOTE_SIZE,
                        MARGIN / 2);
                footer.showText(label);
                footer.endText();
            }
        }
    }

    /**
     * The text broken into lines that fit {@code width}: at spaces, and inside a word only when the word alone is
     * wider. Line breaks in the text are kept; other control characters become spaces (a PDF string cannot show them).
     */
    static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        String normal = Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("[\\t\\x0B\\f\\r]", " ");
        for (String paragraph : normal.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" +")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (fits(candidate, font, size, width)) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (!fits(rest, font, size, width) && rest.length() > 1) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && !fits(rest.substring(0, cut), font, size, width)) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static boolean fits(String text, PDFont font, float size, float width) throws IOException {
        return font.getStringWidth(text) / 1000 * size <= width;
    }

    private static byte[] font(String resource) {
        try (InputStream in = Pdf.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path (net.sf.jasperreports:"
                        + "jasperreports-fonts)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}
