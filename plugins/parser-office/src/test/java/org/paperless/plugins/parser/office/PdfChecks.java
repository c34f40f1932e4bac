package org.paperless.plugins.parser.office;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.text.PDFTextStripper;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** What the tests check in archive copies and thumbnails. */
final class PdfChecks {

    private static final Pattern PDFA_PART = Pattern.compile("pdfaid:part(?:>|=\")\\s*(\\d)");
    private static boolean veraPdfReady;

    private PdfChecks() {
    }

    static String textOf(Path pdf) throws IOException {
        if (pdf == null) {
            return "";
        }
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    static String producer(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return String.valueOf(document.getDocumentInformation().getProducer());
        }
    }

    /** The XMP says PDF/A part 2, and veraPDF finds the file valid PDF/A-2b. */
    static void assertPdfA2b(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDMetadata metadata = document.getDocumentCatalog().getMetadata();
            assertNotNull(metadata, "the archive copy has no XMP metadata");
            String xmp = new String(metadata.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
            Matcher part = PDFA_PART.matcher(xmp);
            assertTrue(part.find(), "no pdfaid:part in the XMP");
            assertEquals("2", part.group(1), "pdfaid:part");
        }
        synchronized (PdfChecks.class) {
            if (!veraPdfReady) {
                VeraGreenfieldFoundryProvider.initialise();
                veraPdfReady = true;
            }
        }
        try (PDFAParser parser = Foundries.defaultInstance().createParser(pdf.toFile(), PDFAFlavour.PDFA_2_B);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            ValidationResult result = validator.validate(parser);
            String failures = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId() + ": " + a.getMessage()).distinct().collect(Collectors.joining("\n"));
            assertTrue(result.isCompliant(), "not PDF/A-2b:\n" + failures);
        }
    }

    /** A PNG about 400 pixels wide. */
    static void assertThumbnail(byte[] png) throws IOException {
        assertNotNull(png, "no thumbnail");
        assertEquals("\u0089PNG", new String(png, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(Math.abs(image.getWidth() - PdfPages.WIDTH) <= 1, "width " + image.getWidth());
    }
}
