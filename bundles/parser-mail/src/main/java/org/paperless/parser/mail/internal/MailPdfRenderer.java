package org.paperless.parser.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/** Draws a mail as a plain A4 PDF: header fields in bold, then the body and the attachment list, wrapped. */
final class MailPdfRenderer {

    /** Beyond this the archive stops (a note says so); the document's text still has everything. */
    static final int MAX_PAGES = 500;
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 56;
    private static final float FONT_SIZE = 10.5f;
    private static final float LEADING = FONT_SIZE * 1.35f;
    private static final PDRectangle PAGE = PDRectangle.A4;

    private PDDocument document;
    private TrueTypeFont ttf;
    private PDType0Font font;
    private CmapLookup cmap;
    private final Map<String, Float> widths = new HashMap<>();
    private PDPageContentStream stream;
    private float y;

    private MailPdfRenderer() {
    }

    /** Writes the PDF to {@code target} and returns its page count. */
    static int render(MailContent mail, Path target) throws IOException {
        MailPdfRenderer renderer = new MailPdfRenderer();
        try (PDDocument document = new PDDocument()) {
            renderer.document = document;
            int pages = renderer.draw(mail);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(renderer.printable(mail.headers().getOrDefault("Subject", "")));
            info.setCreator("Paperless mail parser");
            document.save(target.toFile());
            return pages;
        } finally {
            if (renderer.ttf != null) {
                renderer.ttf.close();
            }
        }
    }

    private int draw(MailContent mail) throws IOException {
        try (InputStream in = PDDocument.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IOException("PDFBox's LiberationSans font is missing from the bundle");
            }
            ttf = new TTFParser().parse(new RandomAccessReadBuffer(in));
        }
        // Without this PDFBox 3 draws "fi" and "ffi" as ligature glyphs and text extraction reads them wrongly.
        ttf.setEnableGsub(false);
        ttf.getTableMap().remove("GSUB");
        cmap = ttf.getUnicodeCmapLookup();
        font = PDType0Font.load(document, ttf, true);
        try {
            newPage();
            drawText(mail);
        } finally {
            if (stream != null) {
                stream.close();
            }
        }
        return document.getNumberOfPages();
    }

    /**
     * Lines are wrapped as they are drawn, so drawing stops at the page limit: a body of 30 million
     * characters on one line costs the 500 pages drawn, not the wrapping of all of it.
     */
    private void drawText(MailContent mail) throws IOException {
        for (Map.Entry<String, String> header : mail.headers().entrySet()) {
            String field = header.getKey() + ": " + header.getValue();
            if (!paragraph(field, 0, field.length(), true)) {
                return;
            }
        }
        if (!emit("", false)) {
            return;
        }
        String body = mail.body();
        int end = body.length();
        while (end > 0 && Character.isWhitespace(body.charAt(end - 1))) {
            end--;
        }
        int from = 0;
        while (from < end && Character.isWhitespace(body.charAt(from))) {
            from++;
        }
        do { // an empty body still gets its (empty) line
            int lineEnd = body.indexOf('\n', from);
            lineEnd = lineEnd < 0 || lineEnd > end ? end : lineEnd;
            if (!paragraph(body, from, lineEnd, false)) {
                return;
            }
            from = lineEnd + 1;
        } while (from <= end);
        for (String line : mail.attachmentLines()) {
            if (!paragraph(line, 0, line.length(), false)) {
                return;
            }
        }
    }

    private void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = PAGE.getHeight() - MARGIN - FONT_SIZE;
    }

    /** Draws one line, on a new page if this one is full; false when the page limit is reached. */
    private boolean emit(String text, boolean bold) throws IOException {
        if (y < MARGIN) {
            if (document.getNumberOfPages() >= MAX_PAGES) {
                show("[The mail is longer than " + MAX_PAGES + " pages; the rest is in the document's text.]", true);
                return false;
            }
            newPage();
        }
        show(text, bold);
        return true;
    }

    private void show(String text, boolean bold) throws IOException {
        if (!text.isEmpty()) {
            stream.beginText();
            stream.setFont(font, FONT_SIZE);
            if (bold) { // one font for every script; bold is drawn as fill + a thin outline
                stream.setRenderingMode(RenderingMode.FILL_STROKE);
                stream.setLineWidth(0.35f);
            } else {
                stream.setRenderingMode(RenderingMode.FILL);
            }
            stream.newLineAtOffset(MARGIN, y);
            stream.showText(text);
            stream.endText();
        }
        y -= LEADING;
    }

    /**
     * Draws {@code text[from, to)} as lines that fit the page width: broken at the last space, inside a word
     * only when it must. False when the page limit stopped it.
     */
    private boolean paragraph(CharSequence text, int from, int to, boolean bold) throws IOException {
        float maxWidth = PAGE.getWidth() - 2 * MARGIN;
        StringBuilder line = new StringBuilder();
        float width = 0;
        int afterSpace = -1; // the line's length up to its last space
        boolean drawn = false;
        for (int i = from; i < to; ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            String piece = printable(cp);
            if (piece.isEmpty()) {
                continue;
            }
            float pieceWidth = width(piece);
            if (width + pieceWidth > maxWidth && !line.isEmpty()) {
                String rest = "";
                if (piece.isBlank()) {
                    piece = ""; // a space that does not fit just ends the line
                    pieceWidth = 0;
                } else if (afterSpace > 0) {
                    rest = line.substring(afterSpace);
                    line.setLength(afterSpace);
                }
                if (!emit(line.toString().stripTrailing(), bold)) {
                    return false;
                }
                drawn = true;
                line.setLength(0);
                line.append(rest);
                width = font.getStringWidth(rest) / 1000 * FONT_SIZE;
                afterSpace = -1;
                if (width + pieceWidth > maxWidth) { // a word wider than the line: cut it
                    if (!emit(rest, bold)) {
                        return false;
                    }
                    line.setLength(0);
                    width = 0;
                }
            }
            line.append(piece);
            width += pieceWidth;
            if (piece.isBlank() && !piece.isEmpty()) {
                afterSpace = line.length();
            }
        }
        String last = line.toString().stripTrailing();
        return last.isEmpty() && drawn || emit(last, bold);
    }

    private float width(String piece) throws IOException {
        Float known = widths.get(piece);
        if (known == null) {
            known = font.getStringWidth(piece) / 1000 * FONT_SIZE;
            widths.put(piece, known);
        }
        return known;
    }

    /** Tabs become spaces, other control characters go, and what the font cannot draw becomes "?". */
    private String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.append(printable(cp)));
        return out.toString();
    }

    private String printable(int cp) {
        if (cp == '\t') {
            return "    ";
        }
        if (Character.isISOControl(cp) || cp == 0xFEFF || cp == 0x200B) {
            return "";
        }
        if (Character.isWhitespace(cp) || cp == 0xA0) {
            return " ";
        }
        return cmap.getGlyphId(cp) > 0 ? Character.toString(cp) : "?";
    }
}
