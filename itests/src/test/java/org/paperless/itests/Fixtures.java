package org.paperless.itests;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Files the container tests consume, written by PDFBox in the test JVM before the container starts
 * (PDFBox lives embedded in the parser bundle, out of the test probe's reach).
 */
final class Fixtures {

    private Fixtures() {
    }

    static Path write(Path folder) throws IOException {
        Files.createDirectories(folder);
        writePdf(folder.resolve(FixtureNames.INVOICE_PDF), null, "Invoice 2024-117 from Stadtwerke Musterstadt",
                "Your electricity consumption: 321 kWh. Payable within 14 days.");
        writePdf(folder.resolve(FixtureNames.LETTER_PDF), null, "Letter from the tax office, 3 pages", "Page two", "Page three");
        writePdf(folder.resolve(FixtureNames.ENCRYPTED_PDF), "secret", "Confidential salary statement", "Page two");
        byte[] whole = Files.readAllBytes(folder.resolve(FixtureNames.INVOICE_PDF));
        Files.write(folder.resolve(FixtureNames.TRUNCATED_PDF), java.util.Arrays.copyOf(whole, whole.length / 2));
        BufferedImage scan = scannedPage(FixtureNames.SCAN_LINES);
        ImageIO.write(scan, "png", folder.resolve(FixtureNames.SCAN_PNG).toFile());
        ImageIO.write(scan, "jpeg", folder.resolve(FixtureNames.SCAN_JPEG).toFile());
        Files.write(folder.resolve(FixtureNames.HUGE_PNG), pngDeclaring(60000, 60000));
        convert(folder.resolve(FixtureNames.SCAN_WEBP), "cwebp", "-quiet", "-q", "90",
                folder.resolve(FixtureNames.SCAN_PNG).toString(), "-o", folder.resolve(FixtureNames.SCAN_WEBP).toString());
        convert(folder.resolve(FixtureNames.SCAN_HEIC), "heif-enc", "-q", "90",
                folder.resolve(FixtureNames.SCAN_PNG).toString(), "-o", folder.resolve(FixtureNames.SCAN_HEIC).toString());
        writeScannedPdf(folder.resolve(FixtureNames.SCANNED_PDF), folder.resolve(FixtureNames.SCAN_PNG));
        writeBomb(folder.resolve(FixtureNames.BOMB_PDF));
        return folder;
    }

    static void writePdf(Path file, String password, String... pages) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (String text : pages) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(font, 12);
                    content.newLineAtOffset(72, 700);
                    content.showText(text);
                    content.endText();
                }
            }
            if (password != null) {
                doc.protect(new StandardProtectionPolicy("owner-" + password, password, new AccessPermission()));
            }
            doc.save(file.toFile());
        }
    }

    /** Runs a converter when it is installed; the target is left absent otherwise (the test using it is skipped). */
    private static void convert(Path target, String... command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor() != 0) {
                Files.deleteIfExists(target);
            }
        } catch (IOException e) {
            Files.deleteIfExists(target); // not installed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing " + target, e);
        }
    }

    /** A scanned page with these lines as a PNG. */
    static void writeScan(Path file, String... lines) throws IOException {
        ImageIO.write(scannedPage(lines), "png", file.toFile());
    }

    /** A scanned page with these lines as a PDF without text layer. */
    static void writeScannedPdf(Path file, String... lines) throws IOException {
        Path png = file.resolveSibling(file.getFileName() + ".png");
        writeScan(png, lines);
        try {
            writeScannedPdf(file, png);
        } finally {
            Files.deleteIfExists(png);
        }
    }

    /** A page as a scanner would deliver it: black text on white, 200 dpi-ish. */
    private static BufferedImage scannedPage(String[] lines) {
        BufferedImage image = new BufferedImage(1400, 1000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 44));
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 80, 150 + i * 110);
        }
        g.dispose();
        return image;
    }

    /** A tiny PNG whose header claims a huge size: decoding it would need gigabytes. */
    private static byte[] pngDeclaring(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png", out);
        byte[] png = out.toByteArray();
        ByteBuffer buffer = ByteBuffer.wrap(png);
        buffer.putInt(16, width).putInt(20, height); // IHDR data starts at 16
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17); // "IHDR" + 13 data bytes
        buffer.putInt(29, (int) crc.getValue());
        return png;
    }

    /** A PDF as a scanner makes it: a page that is only a picture, no text layer. */
    private static void writeScannedPdf(Path file, Path scan) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDImageXObject image = PDImageXObject.createFromFile(scan.toString(), doc);
            // 200 dpi: the picture's pixels at 72 points per inch
            PDPage page = new PDPage(new PDRectangle(image.getWidth() * 72f / 200, image.getHeight() * 72f / 200));
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(image, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
            }
            doc.save(file.toFile());
        }
    }

    /** A small PDF whose only page content inflates to 300 MB. */
    private static void writeBomb(Path file) throws IOException {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, new Deflater(9))) {
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 300; i++) {
                out.write(spaces);
            }
        }
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            COSStream content = doc.getDocument().createCOSStream();
            try (var raw = content.createRawOutputStream()) {
                raw.write(deflated.toByteArray());
            }
            content.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            page.setContents(new PDStream(content));
            doc.save(file.toFile());
        }
    }
}
