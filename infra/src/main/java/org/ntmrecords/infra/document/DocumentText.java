package org.ntmrecords.infra.document;

import java.util.ArrayList;
import java.util.List;

/**
 * A document as both writers draw it: a title, then headings, paragraphs and tables in order. Kept to what an
 * administrative report needs, so that the .docx and the PDF say exactly the same words.
 *
 * @param landscape whether its pages are turned (wide annex tables)
 */
record DocumentText(List<String> title, boolean landscape, List<Block> blocks) {

    sealed interface Block permits Heading, Paragraph, Table {
    }

    /** @param level 1 for a part (I., II.), 2 for a section within it */
    record Heading(int level, String text) implements Block {
    }

    /** @param note a source or a caveat, set smaller and in italics */
    record Paragraph(String text, boolean note) implements Block {
    }

    /** @param widths each column's share of the line, summing to 1 */
    record Table(List<String> header, List<List<String>> rows, double[] widths) implements Block {
    }

    static Builder titled(String... lines) {
        return new Builder(List.of(lines));
    }

    static final class Builder {
        private final List<String> title;
        private final List<Block> blocks = new ArrayList<>();
        private boolean landscape;

        private Builder(List<String> title) {
            this.title = title;
        }

        Builder landscape() {
            landscape = true;
            return this;
        }

        Builder heading(int level, String text) {
            blocks.add(new Heading(level, text));
            return this;
        }

        Builder paragraph(String text) {
            blocks.add(new Paragraph(text, false));
            return this;
        }

        Builder note(String text) {
            blocks.add(new Paragraph(text, true));
            return this;
        }

        Builder table(List<String> header, List<List<String>> rows, double... widths) {
            blocks.add(new Table(header, rows, widths));
            return this;
        }

        DocumentText build() {
            return new DocumentText(title, landscape, List.copyOf(blocks));
        }
    }
}
