package org.paperless.parser.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.pattern.PDTilingPattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.parser.ParseException;
import org.paperless.api.parser.ParsedDocument;

/** Bombs in every filter chain, with the stream limit lowered to 1 MB so the files stay small. */
class InflationGuardTest {

    private static final long MB = 1024 * 1024;
    private static final PdfLimits SMALL = new PdfLimits(MB, 4 * MB, MaxImagePixels.DEFAULT);

    @TempDir
    Path dir;

    private final PdfDocumentParser parser = new PdfDocumentParser(SMALL, null);

    @Test
    void flateOverRunLengthIsRefusedAtTheDefaultLimits() throws Exception {
        // What was seen on the distribution, scaled to just past the 256 MB stream limit: 300 MB of
        // spaces as RunLength runs (64:1), deflated on top (the file is about 5 KB).
        byte[] raw = HostilePdfs.deflate(HostilePdfs.runLength(300 * MB));
        Path bomb = HostilePdfs.pageWithContent(dir.resolve("flate-rl.pdf"), raw,
                List.of(COSName.FLATE_DECODE, COSName.RUN_LENGTH_DECODE));
        assertTrue(Files.size(bomb) < 100_000, "a small file: " + Files.size(bomb));

        ParseException e = assertThrows(ParseException.class, () -> new PdfDocumentParser().parse(bomb, "application/pdf"));

        assertTrue(e.getMessage().startsWith("The PDF flate-rl.pdf is refused as a possible decompression bomb: "
                + "one of its streams inflates to more than 256 MB"), e.getMessage());
        assertTrue(e.getMessage().contains("filters FlateDecode RunLengthDecode"), e.getMessage());
    }

    @Test
    void asciiHexOverFlateIsRefused() throws Exception {
        byte[] raw = HostilePdfs.encode(COSName.ASCII_HEX_DECODE, HostilePdfs.deflatedSpaces(2 * MB));
        assertRefused(HostilePdfs.pageWithContent(dir.resolve("hex-flate.pdf"), raw,
                List.of(COSName.ASCII_HEX_DECODE, COSName.FLATE_DECODE)), "ASCIIHexDecode FlateDecode");
    }

    @Test
    void ascii85OverFlateIsRefused() throws Exception {
        byte[] raw = HostilePdfs.encode(COSName.ASCII85_DECODE, HostilePdfs.deflatedSpaces(2 * MB));
        assertRefused(HostilePdfs.pageWithContent(dir.resolve("a85-flate.pdf"), raw,
                List.of(COSName.ASCII85_DECODE, COSName.FLATE_DECODE)), "ASCII85Decode FlateDecode");
    }

    @Test
    void lzwAloneIsRefused() throws Exception {
        byte[] raw = HostilePdfs.encode(COSName.LZW_DECODE, new byte[2 * (int) MB]);
        assertTrue(raw.length < MB / 2, "LZW compresses zeros: " + raw.length);
        assertRefused(HostilePdfs.pageWithContent(dir.resolve("lzw.pdf"), raw, List.of(COSName.LZW_DECODE)),
                "LZWDecode");
    }

    @Test
    void runLengthAloneIsRefused() throws Exception {
        assertRefused(HostilePdfs.pageWithContent(dir.resolve("rl.pdf"), HostilePdfs.runLength(2 * MB),
                List.of(COSName.RUN_LENGTH_DECODE)), "RunLengthDecode");
    }

    @Test
    void aStreamJustWithinTheLimitIsRead() throws Exception {
        byte[] content = "BT /F1 12 Tf 72 700 Td (fits) Tj ET\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] padded = new byte[(int) MB];
        java.util.Arrays.fill(padded, (byte) ' ');
        System.arraycopy(content, 0, padded, 0, content.length);
        Path pdf = HostilePdfs.pageWithContent(dir.resolve("fits.pdf"),
                HostilePdfs.encode(COSName.ASCII_HEX_DECODE, HostilePdfs.deflate(padded)),
                List.of(COSName.ASCII_HEX_DECODE, COSName.FLATE_DECODE));

        assertEquals(1, parser.parse(pdf, "application/pdf").pageCount());
    }

    @Test
    void streamsThatTogetherInflateBeyondTheDocumentLimitAreRefused() throws Exception {
        Path pdf = dir.resolve("many.pdf");
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < 6; i++) {
                PDPage page = new PDPage();
                document.addPage(page);
                page.setContents(new org.apache.pdfbox.pdmodel.common.PDStream(HostilePdfs.rawStream(document,
                        HostilePdfs.deflatedSpaces(MB - 10), List.of(COSName.FLATE_DECODE))));
            }
            document.save(pdf.toFile());
        }

        ParseException e = assertThrows(ParseException.class, () -> parser.parse(pdf, "application/pdf"));
        assertTrue(e.getMessage().contains("its streams inflate to more than 4 MB in all"), e.getMessage());
    }

    /** Flate to white space that ASCIIHex turns into nothing: the decoding still happens, so it counts. */
    @Test
    void stagesThatDecodeToNothingAtTheEndStillCountTowardsTheDocumentLimit() throws Exception {
        Path pdf = dir.resolve("hidden-stages.pdf");
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < 6; i++) {
                PDPage page = new PDPage();
                document.addPage(page);
                page.setContents(new org.apache.pdfbox.pdmodel.common.PDStream(HostilePdfs.rawStream(document,
                        HostilePdfs.deflatedSpaces(MB - 10), List.of(COSName.FLATE_DECODE, COSName.ASCII_HEX_DECODE))));
            }
            document.save(pdf.toFile());
        }

        ParseException e = assertThrows(ParseException.class, () -> parser.parse(pdf, "application/pdf"));
        assertTrue(e.getMessage().contains("its streams inflate to more than 4 MB in all"), e.getMessage());
    }

    @Test
    void aPredictorWithGiganticRowsIsRefusedBeforeItAllocatesThem() throws Exception {
        Path pdf = dir.resolve("predictor.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            COSStream content = HostilePdfs.rawStream(document, HostilePdfs.deflate(new byte[100]),
                    List.of(COSName.FLATE_DECODE));
            COSDictionary parms = new COSDictionary();
            parms.setInt(COSName.PREDICTOR, 12);
            parms.setInt(COSName.COLORS, 4);
            parms.setInt(COSName.COLUMNS, 100_000_000);
            content.setItem(COSName.DECODE_PARMS, parms);
            page.setContents(new org.apache.pdfbox.pdmodel.common.PDStream(content));
            document.save(pdf.toFile());
        }

        ParseException e = assertThrows(ParseException.class, () -> parser.parse(pdf, "application/pdf"));
        assertTrue(e.getMessage().contains("declares rows of 400000000 bytes, more than 16 MB"), e.getMessage());
    }

    @Test
    void aJpegWhoseHeaderClaimsMorePixelsThanItsDictionaryIsRefused() throws Exception {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB), "jpeg", jpeg);
        byte[] bytes = jpeg.toByteArray();
        for (int i = 0; i < bytes.length - 8; i++) { // SOF0: FF C0, length, precision, height, width
            if ((bytes[i] & 0xff) == 0xff && (bytes[i + 1] & 0xff) == 0xc0) {
                bytes[i + 5] = (byte) (30_000 >> 8);
                bytes[i + 6] = (byte) (30_000 & 0xff);
                bytes[i + 7] = (byte) (30_000 >> 8);
                bytes[i + 8] = (byte) (30_000 & 0xff);
                break;
            }
        }
        Path pdf = dir.resolve("jpeg.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDImageXObject image = new PDImageXObject(new org.apache.pdfbox.pdmodel.common.PDStream(
                    HostilePdfs.rawStream(document, bytes, List.of(COSName.DCT_DECODE))), null);
            image.getCOSObject().setItem(COSName.SUBTYPE, COSName.IMAGE);
            image.getCOSObject().setItem(COSName.TYPE, COSName.XOBJECT);
            image.setWidth(16);
            image.setHeight(16);
            image.setBitsPerComponent(8);
            image.setColorSpace(org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB.INSTANCE);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 0, 0, 100, 100);
            }
            document.save(pdf.toFile());
        }

        ParseException e = assertThrows(ParseException.class, () -> parser.parse(pdf, "application/pdf"));
        assertTrue(e.getMessage().contains("a JPEG image in it is 30000 x 30000 pixels, more than the limit of 89478485"),
                e.getMessage());
    }

    @Test
    void aFaxImageWithGiganticColumnsIsRefused() throws Exception {
        Path pdf = dir.resolve("fax.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            COSStream stream = HostilePdfs.rawStream(document, new byte[] {0, 1, 0, 1}, List.of(COSName.CCITTFAX_DECODE));
            stream.setItem(COSName.TYPE, COSName.XOBJECT);
            stream.setItem(COSName.SUBTYPE, COSName.IMAGE);
            stream.setInt(COSName.WIDTH, 10);
            stream.setInt(COSName.HEIGHT, 10_000);
            stream.setInt(COSName.BITS_PER_COMPONENT, 1);
            stream.setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
            COSDictionary parms = new COSDictionary();
            parms.setInt(COSName.COLUMNS, 1_000_000);
            parms.setInt(COSName.K, -1);
            stream.setItem(COSName.DECODE_PARMS, parms);
            PDResources resources = new PDResources();
            resources.put(COSName.getPDFName("Im1"), new PDImageXObject(new org.apache.pdfbox.pdmodel.common.PDStream(stream), null));
            page.setResources(resources);
            document.save(pdf.toFile());
        }

        ParseException e = assertThrows(ParseException.class, () -> parser.parse(pdf, "application/pdf"));
        assertTrue(e.getMessage().contains("a fax image in it is 1000000 x 10000 pixels"), e.getMessage());
    }

    @Test
    void anImageInsideAFormInsideAPatternIsChecked() throws Exception {
        Path pdf = dir.resolve("nested-image.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDImageXObject image = HostilePdfs.imageClaiming(document, 60_000, 60_000);
            PDFormXObject form = new PDFormXObject(document);
            form.setBBox(new PDRectangle(100, 100));
            PDResources formResources = new PDResources();
            COSName imageName = formResources.add(image);
            form.setResources(formResources);
            try (var out = form.getContentStream().createOutputStream()) {
                out.write(("100 0 0 100 0 0 cm /" + imageName.getName() + " Do").getBytes(StandardCharsets.ISO_8859_1));
            }
            PDTilingPattern pattern = new PDTilingPattern();
            pattern.setBBox(new PDRectangle(100, 100));
            pattern.setXStep(100);
            pattern.setYStep(100);
            pattern.setPaintType(PDTilingPattern.PAINT_COLORED);
            pattern.setTilingType(PDTilingPattern.TILING_CONSTANT_SPACING);
            PDResources patternResources = new PDResources();
            COSName formName = patternResources.add(form);
            pattern.setResources(patternResources);
            try (var out = pattern.getContentStream().createOutputStream()) {
                out.write(("/" + formName.getName() + " Do").getBytes(StandardCharsets.ISO_8859_1));
            }
            PDResources resources = new PDResources();
            resources.add(pattern);
            page.setResources(resources);
            document.save(pdf.toFile());
        }

        ParseException e = assertThrows(ParseException.class, () -> parser.parse(pdf, "application/pdf"));
        assertTrue(e.getMessage().contains("an image in it is 60000 x 60000 pixels"), e.getMessage());
    }

    @Test
    void anInlineImageThatInflatesBeyondTheLimitIsRefusedWhenThePageIsDrawn() throws Exception {
        String hex = new String(HostilePdfs.encode(COSName.ASCII_HEX_DECODE, HostilePdfs.deflatedSpaces(2 * MB)),
                StandardCharsets.ISO_8859_1);
        assertInlineImageRefused("q 100 0 0 100 72 600 cm BI /W 10 /H 10 /CS /G /BPC 8 /F [/AHx /Fl] ID "
                + hex + " EI Q\nBT /F1 12 Tf 72 700 Td (text) Tj ET", "one of its streams inflates to more than 1 MB"
                + " (an inline image, filters AHx Fl)");
    }

    @Test
    void anInlineImageDeclaringTooManyPixelsIsRefusedWhenThePageIsDrawn() throws Exception {
        assertInlineImageRefused("q 100 0 0 100 72 600 cm BI /W 60000 /H 60000 /CS /G /BPC 8 /F /AHx ID 00 > EI Q",
                "an inline image in it is 60000 x 60000 pixels");
    }

    @Test
    void objectAndCrossReferenceStreamsAreCheckedWhileTheFileLoads() throws Exception {
        Path plain = HostilePdfs.compressedStructure(dir.resolve("compressed.pdf"), 0, 0);
        assertEquals(1, parser.parse(plain, "application/pdf").pageCount(), "the hand-made file is valid");

        Path objectStream = HostilePdfs.compressedStructure(dir.resolve("objstm.pdf"), 2 * MB, 0);
        ParseException e = assertThrows(ParseException.class, () -> parser.parse(objectStream, "application/pdf"));
        assertTrue(e.getMessage().contains("one of its streams inflates to more than 1 MB (object stream 1 0"),
                e.getMessage());

        Path xref = HostilePdfs.compressedStructure(dir.resolve("xref.pdf"), 0, 2 * MB);
        e = assertThrows(ParseException.class, () -> parser.parse(xref, "application/pdf"));
        assertTrue(e.getMessage().contains("one of its streams inflates to more than 1 MB (its cross-reference stream"),
                e.getMessage());
    }

    @Test
    void anEncryptedBombIsCheckedAfterDecryption() throws Exception {
        Path pdf = dir.resolve("encrypted.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            page.setContents(new org.apache.pdfbox.pdmodel.common.PDStream(HostilePdfs.rawStream(document,
                    HostilePdfs.deflatedSpaces(2 * MB), List.of(COSName.FLATE_DECODE))));
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "", new AccessPermission());
            policy.setEncryptionKeyLength(256);
            document.protect(policy);
            document.save(pdf.toFile());
        }
        assertRefused(pdf, "FlateDecode");
    }

    @Test
    void anOrdinaryTextPdfPassesTheGuardAtTheDefaultLimits() throws Exception {
        Path pdf = dir.resolve("letter.pdf");
        try (PDDocument document = new PDDocument()) {
            HostilePdfs.addTextPage(document, PDRectangle.A4, "Dear customer");
            HostilePdfs.addScanPage(document, PDRectangle.A4);
            document.save(pdf.toFile());
        }

        ParsedDocument result = new PdfDocumentParser().parse(pdf, "application/pdf");

        assertTrue(result.text().contains("Dear customer"), result.text());
        assertEquals(2, result.pageCount());
    }

    private void assertInlineImageRefused(String contentText, String expected) throws IOException {
        Path pdf = dir.resolve("inline.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDResources resources = new PDResources();
            resources.put(COSName.getPDFName("F1"), new org.apache.pdfbox.pdmodel.font.PDType1Font(
                    org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA));
            page.setResources(resources);
            COSStream content = document.getDocument().createCOSStream();
            try (var out = content.createRawOutputStream()) {
                out.write(contentText.getBytes(StandardCharsets.ISO_8859_1));
            }
            page.setContents(new org.apache.pdfbox.pdmodel.common.PDStream(content));
            document.save(pdf.toFile());
        }
        ParseException e = assertThrows(ParseException.class, () -> parser.parse(pdf, "application/pdf"));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private void assertRefused(Path pdf, String filters) {
        ParseException e = assertThrows(ParseException.class, () -> parser.parse(pdf, "application/pdf"));
        assertTrue(e.getMessage().startsWith("The PDF " + pdf.getFileName()
                + " is refused as a possible decompression bomb: one of its streams inflates to more than 1 MB"),
                e.getMessage());
        assertTrue(e.getMessage().contains("filters " + filters + ")"), e.getMessage());
    }
}
