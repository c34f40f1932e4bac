package org.paperless.parser.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    private record Line(String text, boolean bold) {
    }

    private PDDocument document;
    private TrueTypeFont ttf;
    private PDType0Font font;
    private CmapLookup cmap;
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

        List<Line> lines = new ArrayList<>();
        for (Map.Entry<String, String> header : mail.headers().entrySet()) {
            wrap(header.getKey() + ": " + header.getValue(), true, lines);
        }
        lines.add(new Line("", false));
        for (String paragraph : mail.bodyAndAttachments().strip().split("\n", -1)) {
            wrap(paragraph, false, lines);
        }
        try {
            newPage();
            for (Line line : lines) {
                if (y < MARGIN) {
                    if (document.getNumberOfPages() >= MAX_PAGES) {
                        show(new Line("[The mail is longer than " + MAX_PAGES + " pages; the rest is in the document's text.]", true));
                        break;
                    }
                    newPage();
                }
                show(line);
            }
        } finally {
            if (stream != null) {
                stream.close();
            }
        }
        return document.getNumberOfPages();
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

    private void show(Line line) throws IOException {
        if (!line.text().isEmpty()) {
            stream.beginText();
            stream.setFont(font, FONT_SIZE);
            if (line.bold()) { // one font for every script; bold is drawn as fill + a thin outline
                stream.setRenderingMode(RenderingMode.FILL_STROKE);
                stream.setLineWidth(0.35f);
            } else {
                stream.setRenderingMode(RenderingMode.FILL);
            }
            stream.newLineAtOffset(MARGIN, y);
            stream.showText(line.text());
            stream.endText();
        }
        y -= LEADING;
    }

    /** Splits one paragraph into lines that fit the page width: at spaces, inside a word only when it must. */
    private void wrap(String paragraph, boolean bold, List<Line> lines) throws IOException {
        String text = printable(paragraph);
        float width = PAGE.getWidth() - 2 * MARGIN;
        if (text.isBlank()) {
            lines.add(new Line("", bold));
            return;
        }
        StringBuilder line = new StringBuilder();
        for (String word : text.split("(?<= )")) { // keeps the space with the word before it
            if (width(line + word) <= width) {
                line.append(word);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(new Line(line.toString().stripTrailing(), bold));
                line.setLength(0);
            }
            for (int i = 0; i < word.length(); ) { // a word wider than the line: cut it
                int cp = word.codePointAt(i);
                String next = new String(Character.toChars(cp));
                if (!line.isEmpty() && width(line + next) > width) {
                    lines.add(new Line(line.toString(), bold));
                    line.setLength(0);
                }
                line.append(next);
                i += Character.charCount(cp);
            }
        }
        if (!line.isEmpty()) {
            lines.add(new Line(line.toString().stripTrailing(), bold));
        }
    }

    private float width(CharSequence text) throws IOException {
        return font.getStringWidth(text.toString()) / 1000 * FONT_SIZE;
    }

    /** Tabs become spaces, other control characters go, and what the font cannot draw becomes "?". */
    private String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\t') {
                out.append("    ");
            } else if (Character.isISOControl(cp) || cp == 0xFEFF || cp == 0x200B) {
                // dropped
            } else if (Character.isWhitespace(cp) || cp == 0xA0) {
                out.append(' ');
            } else if (cmap.getGlyphId(cp) > 0) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }
}
