package org.paperless.parser.pdf.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PDFBox's text extraction, sorted by position, with its memory bounded: PDFBox keeps every glyph of a
 * page (a few hundred bytes each) until the page is done, and the whole text in one string. Glyphs past
 * the page limit and text past the document limit are left out, with a warning: the document is still
 * stored, its text is only cut short. Real pages have a few thousand glyphs.
 */
final class BoundedTextStripper extends PDFTextStripper {

    static final int MAX_GLYPHS_PER_PAGE = 250_000;
    static final int MAX_TEXT_CHARS = 32 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(BoundedTextStripper.class);

    private final String name;
    private final int maxGlyphsPerPage;
    private final int maxChars;
    private int pageGlyphs;
    private boolean pageCut;

    BoundedTextStripper(String name, int maxGlyphsPerPage, int maxChars) {
        this.name = name;
        this.maxGlyphsPerPage = maxGlyphsPerPage;
        this.maxChars = maxChars;
        setSortByPosition(true);
    }

    static String text(PDDocument document, String name) throws IOException {
        return new BoundedTextStripper(name, MAX_GLYPHS_PER_PAGE, MAX_TEXT_CHARS).extract(document, 1,
                Integer.MAX_VALUE);
    }

    /** The text of pages {@code first} to {@code last} (1-based, inclusive). */
    String extract(PDDocument document, int first, int last) throws IOException {
        setStartPage(first);
        setEndPage(last);
        StringWriter text = new StringWriter();
        try {
            writeText(document, new BoundedWriter(text, maxChars));
        } catch (TextLimitReached e) {
            LOG.warn("{} has more than {} characters of text; the rest is not kept", name, maxChars);
        }
        return text.toString();
    }

    @Override
    public void processPage(PDPage page) throws IOException {
        pageGlyphs = 0;
        pageCut = false;
        super.processPage(page);
    }

    @Override
    protected void processTextPosition(TextPosition text) {
        if (++pageGlyphs > maxGlyphsPerPage) {
            if (!pageCut) {
                pageCut = true;
                LOG.warn("Page {} of {} has more than {} glyphs; the rest of its text is not kept",
                        getCurrentPageNo(), name, maxGlyphsPerPage);
            }
            return;
        }
        super.processTextPosition(text);
    }

    private static final class TextLimitReached extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Takes text up to the limit, then stops the extraction. */
    private static final class BoundedWriter extends Writer {

        private final Writer target;
        private final int limit;
        private int written;

        BoundedWriter(Writer target, int limit) {
            this.target = target;
            this.limit = limit;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            int room = limit - written;
            target.write(chars, offset, Math.min(room, length));
            written += Math.min(room, length);
            if (length > room) {
                throw new TextLimitReached();
            }
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            int room = limit - written;
            target.write(text, offset, Math.min(room, length));
            written += Math.min(room, length);
            if (length > room) {
                throw new TextLimitReached();
            }
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }

        @Override
        public void close() throws IOException {
            target.close();
        }
    }
}
