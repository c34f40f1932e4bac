package org.paperless.parser.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.parser.ParseException;
import org.paperless.api.parser.ParsedDocument;

class PdfDocumentParserTest {

    private static final String[] WORDS = {"Invoice alpha", "Receipt bravo", "Contract charlie"};

    @TempDir
    Path dir;

    private final PdfDocumentParser parser = new PdfDocumentParser();

    @Test
    void readsTextPagesAndThumbnailOfEveryPage() throws Exception {
        Path pdf = write(threePages(), "three.pdf");

        ParsedDocument result = parser.parse(pdf, "application/pdf");

        for (String words : WORDS) {
            assertTrue(result.text().contains(words), () -> "missing " + words + " in " + result.text());
        }
        assertEquals(3, result.pageCount());
        assertNull(result.metadataDate());
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(result.thumbnailPng()));
        assertNotNull(thumbnail, "thumbnail is not a readable PNG");
        assertTrue(thumbnail.getWidth() <= 500 && thumbnail.getWidth() >= 380, "width " + thumbnail.getWidth());
        assertEquals(Math.round(400 * 842 / 595.0), thumbnail.getHeight(), 2);
    }

    @Test
    void takesCreationDateElseModificationDate() throws Exception {
        PDDocument created = threePages();
        created.getDocumentInformation().setCreationDate(day(2023, Calendar.MARCH, 14));
        created.getDocumentInformation().setModificationDate(day(2024, Calendar.JANUARY, 2));
        PDDocument modified = threePages();
        modified.getDocumentInformation().setModificationDate(day(2024, Calendar.JANUARY, 2));

        assertEquals(LocalDate.of(2023, 3, 14), parser.parse(write(created, "c.pdf"), "application/pdf").metadataDate());
        assertEquals(LocalDate.of(2024, 1, 2), parser.parse(write(modified, "m.pdf"), "application/pdf").metadataDate());
    }

    @Test
    void refusesPasswordProtectedPdf() throws Exception {
        PDDocument document = threePages();
        document.protect(policy("owner-secret", "user-secret", new AccessPermission()));

        ParseException e = assertThrows(ParseException.class,
                () -> parser.parse(write(document, "locked.pdf"), "application/pdf"));
        assertEquals("The PDF is encrypted with a password; remove the password and consume it again", e.getMessage());
    }

    @Test
    void readsPdfThatOnlyRestrictsCopying() throws Exception {
        AccessPermission noCopy = new AccessPermission();
        noCopy.setCanExtractContent(false);
        PDDocument document = threePages();
        document.protect(policy("owner-secret", "", noCopy));

        ParsedDocument result = parser.parse(write(document, "restricted.pdf"), "application/pdf");
        assertTrue(result.text().contains("Contract charlie"), result.text());
    }

    @Test
    void truncatedPdfIsRefusedOrReadLeniently() throws Exception {
        byte[] bytes = Files.readAllBytes(write(threePages(), "whole.pdf"));
        Path truncated = Files.write(dir.resolve("truncated.pdf"), Arrays.copyOf(bytes, bytes.length / 2));

        try {
            ParsedDocument result = parser.parse(truncated, "application/pdf");
            // PDFBox's lenient parser may rebuild what survived; then it must at least be sensible.
            assertTrue(result.pageCount() >= 1, "pages " + result.pageCount());
        } catch (ParseException e) {
            assertTrue(e.getMessage().startsWith("The PDF truncated.pdf is damaged or truncated"), e.getMessage());
        }
    }

    @Test
    void jpegNamedPdfIsRefused() throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        Path fake = dir.resolve("x.pdf");
        assertTrue(ImageIO.write(image, "jpeg", fake.toFile()));

        ParseException e = assertThrows(ParseException.class, () -> parser.parse(fake, "application/pdf"));
        assertEquals("The file x.pdf is not a PDF: it has no %PDF- header", e.getMessage());
    }

    private PDDocument threePages() throws IOException {
        PDDocument document = new PDDocument();
        PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        for (String words : WORDS) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.setNonStrokingColor(Color.BLACK);
                content.beginText();
                content.setFont(helvetica, 14);
                content.newLineAtOffset(72, 700);
                content.showText(words);
                content.endText();
            }
        }
        return document;
    }

    private Path write(PDDocument document, String name) throws IOException {
        Path file = dir.resolve(name);
        try (document) {
            document.save(file.toFile());
        }
        return file;
    }

    private static StandardProtectionPolicy policy(String owner, String user, AccessPermission permission) {
        StandardProtectionPolicy policy = new StandardProtectionPolicy(owner, user, permission);
        policy.setEncryptionKeyLength(128);
        return policy;
    }

    private static Calendar day(int year, int month, int day) {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("Europe/Berlin"));
        calendar.clear();
        calendar.set(year, month, day, 9, 30);
        return calendar;
    }

    @Test
    void aPdfWhosePageInflatesToHundredsOfMegabytesIsRefused() throws Exception {
        java.io.ByteArrayOutputStream deflated = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.DeflaterOutputStream(deflated, new java.util.zip.Deflater(9))) {
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 300; i++) {
                out.write(spaces);
            }
        }
        Path bomb = dir.resolve("bomb.pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            doc.addPage(page);
            // The bytes are Flate data already: written raw, with the filter named, as a bomb's author would.
            org.apache.pdfbox.cos.COSStream content = doc.getDocument().createCOSStream();
            try (var raw = content.createRawOutputStream()) {
                raw.write(deflated.toByteArray());
            }
            content.setItem(org.apache.pdfbox.cos.COSName.FILTER, org.apache.pdfbox.cos.COSName.FLATE_DECODE);
            page.setContents(new org.apache.pdfbox.pdmodel.common.PDStream(content));
            doc.save(bomb.toFile());
        }
        assertTrue(java.nio.file.Files.size(bomb) < 2_000_000, "a small file");
        ParseException e = assertThrows(ParseException.class, () -> new PdfDocumentParser().parse(bomb, "application/pdf"));
        assertTrue(e.getMessage().contains("decompression bomb"), e.getMessage());
    }

    @Test
    void aFormOnThePageThatInflatesToHundredsOfMegabytesIsRefused() throws Exception {
        Path bomb = dir.resolve("form-bomb.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            org.apache.pdfbox.cos.COSStream form = flateBomb(doc);
            form.setItem(org.apache.pdfbox.cos.COSName.TYPE, org.apache.pdfbox.cos.COSName.XOBJECT);
            form.setItem(org.apache.pdfbox.cos.COSName.SUBTYPE, org.apache.pdfbox.cos.COSName.FORM);
            form.setItem(org.apache.pdfbox.cos.COSName.BBOX, new PDRectangle(0, 0, 100, 100).getCOSArray());
            var xobject = new org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject(form);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawForm(xobject);
            }
            doc.save(bomb.toFile());
        }
        assertTrue(Files.size(bomb) < 2_000_000, "a small file");

        ParseException e = assertThrows(ParseException.class, () -> new PdfDocumentParser().parse(bomb, "application/pdf"));

        assertTrue(e.getMessage().contains("decompression bomb: one of its streams inflates to more than 256 MB"), e.getMessage());
    }

    @Test
    void anImageDeclaringTooManyPixelsIsRefusedBeforeItIsDecoded() throws Exception {
        Path bomb = dir.resolve("image-bomb.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            var small = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(doc,
                    new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB));
            // What the author of a bomb writes: a few bytes of data under a huge declared size.
            small.getCOSObject().setInt(org.apache.pdfbox.cos.COSName.WIDTH, 60_000);
            small.getCOSObject().setInt(org.apache.pdfbox.cos.COSName.HEIGHT, 60_000);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(small, 0, 0, 100, 100);
            }
            doc.save(bomb.toFile());
        }

        ParseException e = assertThrows(ParseException.class, () -> new PdfDocumentParser().parse(bomb, "application/pdf"));

        assertTrue(e.getMessage().contains("an image in it is 60000 x 60000 pixels, more than the limit of 89478485"),
                e.getMessage());
    }

    /** A Flate stream that inflates to 300 MB of spaces, written raw as a bomb's author would. */
    private static org.apache.pdfbox.cos.COSStream flateBomb(PDDocument doc) throws IOException {
        java.io.ByteArrayOutputStream deflated = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.DeflaterOutputStream(deflated, new java.util.zip.Deflater(9))) {
            byte[] spaces = new byte[1024 * 1024];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 300; i++) {
                out.write(spaces);
            }
        }
        org.apache.pdfbox.cos.COSStream stream = doc.getDocument().createCOSStream();
        try (var raw = stream.createRawOutputStream()) {
            raw.write(deflated.toByteArray());
        }
        stream.setItem(org.apache.pdfbox.cos.COSName.FILTER, org.apache.pdfbox.cos.COSName.FLATE_DECODE);
        return stream;
    }

    @Test
    void aPatternThatPaintsWithItselfIsRefusedInsteadOfOverflowingTheStack() throws Exception {
        Path pdf = dir.resolve("self-pattern.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            var pattern = new org.apache.pdfbox.pdmodel.graphics.pattern.PDTilingPattern();
            pattern.setBBox(new PDRectangle(10, 10));
            pattern.setXStep(10);
            pattern.setYStep(10);
            pattern.setPaintType(org.apache.pdfbox.pdmodel.graphics.pattern.PDTilingPattern.PAINT_COLORED);
            pattern.setTilingType(org.apache.pdfbox.pdmodel.graphics.pattern.PDTilingPattern.TILING_CONSTANT_SPACING);
            var own = new org.apache.pdfbox.pdmodel.PDResources();
            pattern.setResources(own);
            String name = own.add(pattern).getName();
            try (var out = pattern.getContentStream().createOutputStream()) {
                out.write(("/Pattern cs /" + name + " scn 0 0 10 10 re f").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            var resources = new org.apache.pdfbox.pdmodel.PDResources();
            String onPage = resources.add(pattern).getName();
            page.setResources(resources);
            org.apache.pdfbox.cos.COSStream content = doc.getDocument().createCOSStream();
            try (var out = content.createOutputStream()) {
                out.write(("/Pattern cs /" + onPage + " scn 0 0 500 500 re f").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            page.setContents(new org.apache.pdfbox.pdmodel.common.PDStream(content));
            doc.save(pdf.toFile());
        }

        ParseException e = assertThrows(ParseException.class, () -> parser.parse(pdf, "application/pdf"));

        assertTrue(e.getMessage().startsWith("The PDF self-pattern.pdf is nested too deeply to be read"), e.getMessage());
    }
}
