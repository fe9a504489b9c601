package org.ntmrecords.infra.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

/**
 * A {@link DocumentText} as a Word document, A4, in Times New Roman: the face Vietnamese administrative documents are
 * set in, present wherever Word is, with every Vietnamese letter. A .docx names its font rather than embedding it.
 * Table headers repeat on each page a table runs onto.
 */
final class Docx {
    static final String FONT = "Times New Roman";
    private static final int A4_SHORT = 11_906;
    private static final int A4_LONG = 16_838;
    private static final int MARGIN = 1_134;

    private Docx() {
    }

    static byte[] write(DocumentText text) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            int lineWidth = page(document, text.landscape());
            for (String line : text.title()) {
                XWPFParagraph title = document.createParagraph();
                title.setAlignment(ParagraphAlignment.CENTER);
                run(title, line, true, false, 14);
            }
            for (DocumentText.Block block : text.blocks()) {
                if (block instanceof DocumentText.Heading h) {
                    XWPFParagraph p = document.createParagraph();
                    p.setSpacingBefore(h.level() == 1 ? 240 : 120);
                    run(p, h.text(), true, false, h.level() == 1 ? 13 : 12);
                } else if (block instanceof DocumentText.Paragraph p) {
                    run(document.createParagraph(), p.text(), false, p.note(), p.note() ? 10 : 12);
                } else if (block instanceof DocumentText.Table t) {
                    table(document, t, lineWidth);
                }
            }
            document.write(out);
            return out.toByteArray();
        }
    }

    /** Sets the page size and margins; the width left for text, in twentieths of a point. */
    private static int page(XWPFDocument document, boolean landscape) {
        CTSectPr section = document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(landscape ? A4_LONG : A4_SHORT));
        size.setH(BigInteger.valueOf(landscape ? A4_SHORT : A4_LONG));
        if (landscape) {
            size.setOrient(STPageOrientation.LANDSCAPE);
        }
        var margins = section.addNewPgMar();
        BigInteger margin = BigInteger.valueOf(MARGIN);
        margins.setTop(margin);
        margins.setBottom(margin);
        margins.setLeft(margin);
        margins.setRight(margin);
        return (landscape ? A4_LONG : A4_SHORT) - 2 * MARGIN;
    }

    private static void table(XWPFDocument document, DocumentText.Table table, int lineWidth) {
        XWPFTable t = document.createTable(table.rows().size() + 1, table.header().size());
        t.setWidthType(TableWidthType.DXA);
        t.setWidth(String.valueOf(lineWidth));
        fill(t.getRow(0), table.header(), table.widths(), lineWidth, true);
        t.getRow(0).setRepeatHeader(true);
        for (int r = 0; r < table.rows().size(); r++) {
            fill(t.getRow(r + 1), table.rows().get(r), table.widths(), lineWidth, false);
        }
        document.createParagraph();
    }

    private static void fill(XWPFTableRow row, List<String> values, double[] widths, int lineWidth, boolean header) {
        for (int c = 0; c < widths.length; c++) {
            XWPFTableCell cell = row.getCell(c);
            cell.setWidth(String.valueOf(Math.round(widths[c] * lineWidth)));
            String value = c < values.size() && values.get(c) != null ? values.get(c) : "";
            XWPFParagraph paragraph = cell.getParagraphs().get(0);
            run(paragraph, value, header, false, 10);
        }
    }

    private static void run(XWPFParagraph paragraph, String text, boolean bold, boolean italic, int size) {
        String[] lines = text.split("\n", -1);
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(size);
        run.setBold(bold);
        run.setItalic(italic);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i]);
        }
    }
}
