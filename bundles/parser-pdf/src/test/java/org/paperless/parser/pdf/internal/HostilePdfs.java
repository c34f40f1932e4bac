package org.paperless.parser.pdf.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** PDFs written the way the author of a bomb writes them: raw bytes under filters that PDFBox decodes. */
final class HostilePdfs {

    private HostilePdfs() {
    }

    /**
     * RunLength data for {@code decodedSize} spaces: runs of 128 equal bytes (2 bytes each, 64:1), then EOD.
     */
    static byte[] runLength(long decodedSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long left = decodedSize; left > 0; left -= 128) {
            int run = (int) Math.min(128, left);
            out.write(257 - run);
            out.write(' ');
        }
        out.write(128);
        return out.toByteArray();
    }

    static byte[] deflate(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream deflater = new DeflaterOutputStream(out, new Deflater(9))) {
            deflater.write(data);
        }
        return out.toByteArray();
    }

    /** {@code count} bytes of spaces, deflated without holding them in memory. */
    static byte[] deflatedSpaces(long count) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] spaces = new byte[1024 * 1024];
        java.util.Arrays.fill(spaces, (byte) ' ');
        try (OutputStream deflater = new DeflaterOutputStream(out, new Deflater(9))) {
            for (long left = count; left > 0; left -= spaces.length) {
                deflater.write(spaces, 0, (int) Math.min(spaces.length, left));
            }
        }
        return out.toByteArray();
    }

    /** Encodes with PDFBox's own encoder for one filter (LZW, ASCIIHex, ASCII85, Flate). */
    static byte[] encode(COSName filter, byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FilterFactory.INSTANCE.getFilter(filter).encode(new ByteArrayInputStream(data), out, new COSDictionary(), 0);
        return out.toByteArray();
    }

    /** A one-page PDF whose content stream is {@code raw} under {@code filters}, written as it is. */
    static Path pageWithContent(Path file, byte[] raw, List<COSName> filters) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            page.setContents(new PDStream(rawStream(document, raw, filters)));
            document.save(file.toFile());
        }
        return file;
    }

    static COSStream rawStream(PDDocument document, byte[] raw, List<COSName> filters) throws IOException {
        COSStream stream = document.getDocument().createCOSStream();
        try (OutputStream out = stream.createRawOutputStream()) {
            out.write(raw);
        }
        if (filters.size() == 1) {
            stream.setItem(COSName.FILTER, filters.get(0));
        } else {
            COSArray array = new COSArray();
            filters.forEach(array::add);
            stream.setItem(COSName.FILTER, array);
        }
        return stream;
    }

    /** A page with a line of text on it, the size given in points. */
    static void addTextPage(PDDocument document, PDRectangle size, String words) throws IOException {
        PDPage page = new PDPage(size);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.beginText();
            content.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                    org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 14);
            content.newLineAtOffset(72, size.getHeight() - 100);
            content.showText(words);
            content.endText();
        }
    }

    /** A page that is only a picture covering it, as a scanner writes it: no text layer. */
    static void addScanPage(PDDocument document, PDRectangle size) throws IOException {
        BufferedImage scan = new BufferedImage(850, 1100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scan.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, scan.getWidth(), scan.getHeight());
        g.setColor(Color.BLACK);
        g.drawString("Invoice 4711", 100, 100);
        g.dispose();
        PDImageXObject image = JPEGFactory.createFromImage(document, scan);
        PDPage page = new PDPage(size);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.drawImage(image, 0, 0, size.getWidth(), size.getHeight());
        }
    }

    /** A small lossless image whose dictionary then claims another size. */
    static PDImageXObject imageClaiming(PDDocument document, int width, int height) throws IOException {
        PDImageXObject image = LosslessFactory.createFromImage(document,
                new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB));
        image.getCOSObject().setInt(COSName.WIDTH, width);
        image.getCOSObject().setInt(COSName.HEIGHT, height);
        return image;
    }

    /**
     * A PDF 1.5 file written by hand: catalog, pages and page inside an object stream, found through a
     * cross-reference stream; each stream padded with {@code objectStreamPadding} / {@code xrefPadding}
     * bytes that decode to nothing PDFBox reads, as a bomb hides its bulk.
     */
    static Path compressedStructure(Path file, long objectStreamPadding, long xrefPadding) throws IOException {
        String[] objects = {"<</Type/Catalog/Pages 3 0 R>>", "<</Type/Pages/Kids[4 0 R]/Count 1>>",
                "<</Type/Page/Parent 3 0 R/MediaBox[0 0 200 200]>>"};
        StringBuilder header = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < objects.length; i++) {
            header.append(i + 2).append(' ').append(body.length()).append(' ');
            body.append(objects[i]).append('\n');
        }
        ByteArrayOutputStream objectStream = new ByteArrayOutputStream();
        objectStream.write((header.toString() + body).getBytes(StandardCharsets.ISO_8859_1));
        byte[] objectStreamData = deflatedWithPadding(objectStream.toByteArray(), objectStreamPadding, (byte) ' ');

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        pdf.write("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
        long objectStreamOffset = pdf.size();
        write(pdf, "1 0 obj\n<</Type/ObjStm/N 3/First " + header.length() + "/Filter/FlateDecode/Length "
                + objectStreamData.length + ">>\nstream\n");
        pdf.write(objectStreamData);
        write(pdf, "\nendstream\nendobj\n");
        long xrefOffset = pdf.size();
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        entry(entries, 0, 0, 65535);
        entry(entries, 1, objectStreamOffset, 0);
        for (int i = 0; i < objects.length; i++) {
            entry(entries, 2, 1, i);
        }
        entry(entries, 1, xrefOffset, 0);
        byte[] xrefData = deflatedWithPadding(entries.toByteArray(), xrefPadding, (byte) 0);
        write(pdf, "5 0 obj\n<</Type/XRef/Size 6/W[1 4 2]/Root 2 0 R/Filter/FlateDecode/Length " + xrefData.length
                + ">>\nstream\n");
        pdf.write(xrefData);
        write(pdf, "\nendstream\nendobj\nstartxref\n" + xrefOffset + "\n%%EOF\n");
        return Files.write(file, pdf.toByteArray());
    }

    private static byte[] deflatedWithPadding(byte[] data, long padding, byte fill) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] block = new byte[64 * 1024];
        java.util.Arrays.fill(block, fill);
        try (OutputStream deflater = new DeflaterOutputStream(out, new Deflater(9))) {
            deflater.write(data);
            for (long left = padding; left > 0; left -= block.length) {
                deflater.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return out.toByteArray();
    }

    private static void entry(ByteArrayOutputStream out, int type, long field2, int field3) {
        out.write(type);
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (field2 >> shift) & 0xff);
        }
        out.write(field3 >> 8 & 0xff);
        out.write(field3 & 0xff);
    }

    private static void write(ByteArrayOutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
