package org.paperless.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Files an adversary drops into the consume folder, written in the test JVM before the container starts.
 * Each one targets a hole a reader of untrusted files can have: PostScript reaching Ghostscript, decoder
 * chains that expand to gigabytes, pages that render to gigabytes, parsers that recurse without end, texts
 * that make regular expressions backtrack.
 */
final class HostileFixtures {

    static final String POLYGLOT = "polyglot.pdf";
    static final String POSTSCRIPT = "postscript.pdf";
    static final String RUN_LENGTH_BOMB = "runlength-bomb.pdf";
    static final String HEX_FLATE_BOMB = "hex-flate-bomb.pdf";
    static final String HUGE_PAGE = "huge-second-page.pdf";
    static final String DEEP_NESTING = "deep-nesting.pdf";
    static final String SPACES = "million-spaces.txt";
    static final String EMPTY = "empty.pdf";
    static final String MANY_PARTS = "many-parts.eml";
    static final String NESTED_MAIL = "nested-parts.eml";
    static final String NUL_TEXT = "nul-bytes.txt";
    static final String[] ALL = {POLYGLOT, POSTSCRIPT, RUN_LENGTH_BOMB, HEX_FLATE_BOMB, HUGE_PAGE, DEEP_NESTING,
        SPACES, EMPTY, MANY_PARTS, NESTED_MAIL, NUL_TEXT};
    /** What the polyglot's PostScript would print, had it run: it must never appear anywhere. */
    static final String PWNED = "PAPERLESS-PWNED";

    private HostileFixtures() {
    }

    static void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        byte[] pdf = textPdf("A harmless looking letter inside a polyglot");
        Files.write(folder.resolve(POLYGLOT), polyglot(pdf));
        Files.write(folder.resolve(POSTSCRIPT), ("%!PS-Adobe-3.0\n/Helvetica findfont 12 scalefont setfont\n"
                + "userdict /showpage { (" + PWNED + ") = flush } put\n72 700 moveto (" + PWNED + ") show showpage\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        writeContentBomb(folder.resolve(RUN_LENGTH_BOMB), runLengthBomb(), COSName.FLATE_DECODE,
                COSName.RUN_LENGTH_DECODE);
        writeContentBomb(folder.resolve(HEX_FLATE_BOMB), hexFlateBomb(), COSName.ASCII_HEX_DECODE,
                COSName.FLATE_DECODE);
        writeHugeSecondPage(folder.resolve(HUGE_PAGE));
        Files.write(folder.resolve(DEEP_NESTING), deeplyNested());
        Files.write(folder.resolve(SPACES), ("1" + " ".repeat(1_000_000) + "of\n").getBytes(StandardCharsets.US_ASCII));
        Files.write(folder.resolve(EMPTY), new byte[0]);
        Files.write(folder.resolve(MANY_PARTS), mailWithParts(20_000));
        Files.write(folder.resolve(NESTED_MAIL), mailNested(5_000));
        byte[] nul = new byte[8 << 20];
        System.arraycopy("Text after all ".getBytes(StandardCharsets.US_ASCII), 0, nul, 0, 15);
        Files.write(folder.resolve(NUL_TEXT), nul);
    }

    /**
     * Starts with {@code %%PDF-1.7}: Tika and a PDF reader see a PDF (the header within the first kilobyte),
     * Ghostscript's {@code run} sees PostScript that redefines {@code run} for every later job.
     */
    static byte[] polyglot(byte[] pdf) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("%%PDF-1.7\n"
                + "userdict /run { pop (" + PWNED + ") = flush } put\n"
                + "userdict /runpdf { pop (" + PWNED + ") = flush } put\n"
                + "currentfile flushfile\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(pdf);
        return out.toByteArray();
    }

    static byte[] textPdf(String text) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** 64 MiB of RunLength pairs (each 128 spaces), deflated: 4 GiB once both filters ran. */
    private static byte[] runLengthBomb() throws IOException {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (OutputStream out = new DeflaterOutputStream(deflated, new Deflater(9))) {
            byte[] pairs = new byte[1 << 20];
            for (int i = 0; i < pairs.length; i += 2) {
                pairs[i] = (byte) 129; // 257 - 129 = 128 copies of the next byte
                pairs[i + 1] = ' ';
            }
            for (int i = 0; i < 64; i++) {
                out.write(pairs);
            }
            out.write(128); // end of data
        }
        return deflated.toByteArray();
    }

    /** 600 MB of spaces, deflated, then written as hex: the Flate stream is not the first filter. */
    private static byte[] hexFlateBomb() throws IOException {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (OutputStream out = new DeflaterOutputStream(deflated, new Deflater(9))) {
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 600; i++) {
                out.write(spaces);
            }
        }
        String hex = java.util.HexFormat.of().formatHex(deflated.toByteArray()) + ">";
        return hex.getBytes(StandardCharsets.US_ASCII);
    }

    private static void writeContentBomb(Path file, byte[] raw, COSName... filters) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            COSStream content = doc.getDocument().createCOSStream();
            try (var out = content.createRawOutputStream()) {
                out.write(raw);
            }
            COSArray chain = new COSArray();
            for (COSName filter : filters) {
                chain.add(filter);
            }
            content.setItem(COSName.FILTER, chain);
            page.setContents(new PDStream(content));
            doc.save(file.toFile());
        }
    }

    /** A scan whose second page is 28,800 pt square: about 20,000 x 20,000 pixels even at 50 dpi. */
    private static void writeHugeSecondPage(Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            java.awt.image.BufferedImage pixel = new java.awt.image.BufferedImage(8, 8,
                    java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
            PDImageXObject image = LosslessFactory.createFromImage(doc, pixel);
            for (float side : new float[] {612, 28_800}) {
                PDPage page = new PDPage(new PDRectangle(side, side));
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.drawImage(image, 0, 0, side, side);
                }
            }
            doc.save(file.toFile());
        }
    }

    /** A mail of twenty thousand tiny parts: a parser that keeps every part in memory runs out of it. */
    private static byte[] mailWithParts(int parts) {
        StringBuilder mail = new StringBuilder("From: a@example.org\r\nSubject: many parts\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n");
        for (int i = 0; i < parts; i++) {
            mail.append("--b\r\nContent-Type: text/plain\r\n\r\npart ").append(i).append("\r\n");
        }
        return mail.append("--b--\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Multiparts nested thousands deep: a parser that recurses without a bound overflows its stack. */
    private static byte[] mailNested(int depth) {
        StringBuilder mail = new StringBuilder("From: a@example.org\r\nSubject: nested\r\nMIME-Version: 1.0\r\n");
        for (int i = 0; i < depth; i++) {
            mail.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b").append(i)
                    .append("\r\n");
        }
        mail.append("Content-Type: text/plain\r\n\r\ninnermost\r\n");
        for (int i = depth - 1; i >= 0; i--) {
            mail.append("--b").append(i).append("--\r\n");
        }
        return mail.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A catalog whose one entry is an array nested a hundred thousand deep: recursion without end. */
    private static byte[] deeplyNested() {
        int depth = 100_000;
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int catalog = pdf.length();
        pdf.append("1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Deep ");
        pdf.append("[".repeat(depth)).append("]".repeat(depth)).append(" >>\nendobj\n");
        int pages = pdf.length();
        pdf.append("2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n");
        int xref = pdf.length();
        pdf.append("xref\n0 3\n0000000000 65535 f \n")
                .append(String.format("%010d 00000 n \n", catalog))
                .append(String.format("%010d 00000 n \n", pages))
                .append("trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
