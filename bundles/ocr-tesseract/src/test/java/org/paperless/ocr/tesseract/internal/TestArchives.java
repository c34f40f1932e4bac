package org.paperless.ocr.tesseract.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Checks an archive copy: page count, the text layer's words, pdfaid part 2 / B, and veraPDF's PDF/A-2b verdict. */
final class TestArchives {

    private TestArchives() {
    }

    /** Call VeraGreenfieldFoundryProvider.initialise() once before. */
    static void assertPdfA(Path pdf, int pages, List<String> words) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertEquals(pages, document.getNumberOfPages());
            String text = new PDFTextStripper().getText(document);
            double found = TestImages.found(words, text);
            assertTrue(found >= 0.95, "the archive's text layer has only " + found + " of the words: " + text);
            PDMetadata metadata = document.getDocumentCatalog().getMetadata();
            assertNotNull(metadata, "no XMP metadata");
            XMPMetadata xmp = new DomXmpParser().parse(metadata.toByteArray());
            PDFAIdentificationSchema pdfaid = xmp.getPDFAIdentificationSchema();
            assertNotNull(pdfaid, "no pdfaid schema");
            assertEquals(2, pdfaid.getPart());
            assertEquals("B", pdfaid.getConformance());
        }
        long start = System.nanoTime();
        try (PDFAParser pdfa = Foundries.defaultInstance().createParser(pdf.toFile(), PDFAFlavour.PDFA_2_B);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            ValidationResult result = validator.validate(pdfa);
            String failures = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId() + ": " + a.getMessage())
                    .distinct().collect(Collectors.joining("\n"));
            System.out.printf("veraPDF PDF/A-2b check: %d ms%n", (System.nanoTime() - start) / 1_000_000);
            assertTrue(result.isCompliant(), "not PDF/A-2b:\n" + failures);
        }
    }
}
