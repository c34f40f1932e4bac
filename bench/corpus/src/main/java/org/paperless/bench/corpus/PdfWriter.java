package org.paperless.bench.corpus;

import java.io.IOException;
import java.io.OutputStream;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;

/**
 * Writes a born-digital PDF: A4 pages, a Standard 14 font (nothing embedded, so a file is a few KB and
 * takes a few ms), one text line per composed line. Text is already WinAnsi-clean.
 */
final class PdfWriter {
    private static final float LEFT = 62;
    private static final float TOP = 790;
    private static final float LEADING = 14.5f;
    private static final float SIZE = 10;
    private static final float MAX_WIDTH = PDRectangle.A4.getWidth() - 2 * LEFT;

    private PdfWriter() {}

    static void write(GeneratedDocument d, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            // Without a fixed id PDFBox derives /ID from the clock, and the same seed would give other bytes.
            doc.setDocumentId((long) d.index());
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(d.title());
            info.setAuthor(d.correspondent());
            info.setCreator("paperless-corpus");
            GregorianCalendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            when.clear();
            when.set(d.created().getYear(), d.created().getMonthValue() - 1, d.created().getDayOfMonth(), 9, 0, 0);
            info.setCreationDate(when);
            PDFont regular = new PDType1Font(d.serif() ? FontName.TIMES_ROMAN : FontName.HELVETICA);
            PDFont bold = new PDType1Font(d.serif() ? FontName.TIMES_BOLD : FontName.HELVETICA_BOLD);
            for (int p = 0; p < d.pages().size(); p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    drawPage(cs, d, p, regular, bold);
                }
            }
            doc.save(out);
        }
    }

    private static void drawPage(PDPageContentStream cs, GeneratedDocument d, int p, PDFont regular, PDFont bold)
            throws IOException {
        List<String> lines = d.pages().get(p);
        int body = lines.size() - 1;
        for (int i = 0; i < body; i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            boolean letterhead = p == 0 && i == 0;
            boolean heading = letterhead || line.equals(d.title());
            float size = letterhead ? 15 : heading ? 11.5f : SIZE;
            text(cs, heading ? bold : regular, size, TOP - i * LEADING - (letterhead ? 0 : 6), line);
        }
        text(cs, regular, 7.5f, 40, lines.get(body));
    }

    private static void text(PDPageContentStream cs, PDFont font, float size, float y, String line) throws IOException {
        float width = font.getStringWidth(line) / 1000 * size;
        if (width > MAX_WIDTH) {
            size *= MAX_WIDTH / width; // rare long table line: shrink rather than run into the margin
        }
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(LEFT, y);
        cs.showText(line);
        cs.endText();
    }
}
