package org.paperless.parser.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

class BoundedTextStripperTest {

    @Test
    void glyphsPastThePageLimitAreLeftOut() throws Exception {
        try (PDDocument document = twoPages()) {
            String text = new BoundedTextStripper("t.pdf", 5, 1000).extract(document, 1, 2);

            assertTrue(text.contains("Alpha"), text);
            assertTrue(text.contains("Gamma"), text);
            assertTrue(!text.contains("Alphabet") && !text.contains("Gammaray"), text);
        }
    }

    @Test
    void textPastTheDocumentLimitIsLeftOut() throws Exception {
        try (PDDocument document = twoPages()) {
            String text = new BoundedTextStripper("t.pdf", 1000, 8).extract(document, 1, 2);

            assertEquals("Alphabet", text);
        }
    }

    @Test
    void withinTheLimitsEverythingIsRead() throws Exception {
        try (PDDocument document = twoPages()) {
            String text = BoundedTextStripper.text(document, "t.pdf");

            assertTrue(text.contains("Alphabet soup") && text.contains("Gammaray burst"), text);
        }
    }

    private static PDDocument twoPages() throws Exception {
        PDDocument document = new PDDocument();
        HostilePdfs.addTextPage(document, PDRectangle.A4, "Alphabet soup");
        HostilePdfs.addTextPage(document, PDRectangle.A4, "Gammaray burst");
        return document;
    }
}
