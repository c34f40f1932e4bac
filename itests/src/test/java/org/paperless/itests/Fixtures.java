package org.paperless.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
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
        writePdf(folder.resolve(FixtureNames.ENCRYPTED_PDF), "secret", "Confidential salary statement", "Page two");
        byte[] whole = Files.readAllBytes(folder.resolve(FixtureNames.INVOICE_PDF));
        Files.write(folder.resolve(FixtureNames.TRUNCATED_PDF), java.util.Arrays.copyOf(whole, whole.length / 2));
        return folder;
    }

    private static void writePdf(Path file, String password, String... pages) throws IOException {
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
}
