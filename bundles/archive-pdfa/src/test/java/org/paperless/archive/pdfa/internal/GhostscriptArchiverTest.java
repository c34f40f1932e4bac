package org.paperless.archive.pdfa.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceCMYK;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.parser.ParseException;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Runs the real Ghostscript (Debian's ghostscript package) and judges its output with veraPDF. */
class GhostscriptArchiverTest {

    @TempDir
    Path dir;

    private Path work;

    @org.junit.jupiter.api.BeforeEach
    void workFolderOutsideTmp() throws IOException {
        work = Files.createDirectories(Path.of("target/gs-work").toAbsolutePath()).resolve(UUID.randomUUID().toString());
    }

    @BeforeAll
    static void veraPdf() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    @Test
    void aPdfWithFontsItOnlyNamesBecomesValidPdfaWithItsTextIntact() throws Exception {
        Path source = twoPagesInBase14FontsWithCmykColour(dir.resolve("letter.pdf"));
        byte[] before = Files.readAllBytes(source);
        Path archive = dir.resolve("archive.pdf");

        archiver().archive(source, archive);

        assertPdfA2b(archive);
        try (PDDocument document = Loader.loadPDF(archive.toFile())) {
            assertEquals(2, document.getNumberOfPages());
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Rechnung Nr. 2024-117 an Herrn Müller"), text);
            assertTrue(text.contains("Page two: total amount EUR 1,234.56"), text);
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(source)), "the source was changed");
    }

    @Test
    void documentAfterDocumentGetsItsOwnCopyWithoutMixingThem() throws Exception {
        GhostscriptArchiver archiver = archiver();
        for (int i = 1; i <= 3; i++) {
            Path source = onePage(dir.resolve("doc" + i + ".pdf"), "Document number " + i + " of three");
            Path archive = dir.resolve("archive" + i + ".pdf");
            archiver.archive(source, archive);
            assertPdfA2b(archive);
            try (PDDocument document = Loader.loadPDF(archive.toFile())) {
                String text = new PDFTextStripper().getText(document).strip();
                assertEquals("Document number " + i + " of three", text);
            }
        }
        awaitSpare(archiver);
        archiver.deactivate();
    }

    /**
     * pdfwrite counts pages across documents outside PostScript VM: with one long-lived process, the second
     * copy of the same file had its link pointing at a page object that is not in it.
     */
    @Test
    void linksPointAtTheirOwnPagesInEveryCopy() throws Exception {
        GhostscriptArchiver archiver = archiver();
        Path source = withLinkToPageThree(dir.resolve("linked.pdf"));
        for (int i = 1; i <= 3; i++) {
            Path archive = dir.resolve("linked-archive" + i + ".pdf");
            archiver.archive(source, archive);
            try (PDDocument document = Loader.loadPDF(archive.toFile())) {
                var link = (org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink)
                        document.getPage(0).getAnnotations().get(0);
                var destination = (org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination)
                        link.getDestination();
                assertEquals(2, document.getPages().indexOf(destination.getPage()), "copy " + i + ": the link leads to page 3");
            }
        }
        archiver.deactivate();
    }

    private static Path withLinkToPageThree(Path file) throws Exception {
        try (PDDocument document = new PDDocument()) {
            for (int i = 1; i <= 3; i++) {
                org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
                document.addPage(page);
                try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                            org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                    content.newLineAtOffset(72, 700);
                    content.showText("Page " + i);
                    content.endText();
                }
            }
            var destination = new org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination();
            destination.setPage(document.getPage(2));
            var link = new org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink();
            link.setRectangle(new org.apache.pdfbox.pdmodel.common.PDRectangle(72, 690, 128, 25));
            link.setDestination(destination);
            link.setPrinted(true); // PDF/A keeps only annotations that print
            document.getPage(0).getAnnotations().add(link);
            document.save(file.toFile());
        }
        return file;
    }

    /** A fresh process is started for the next document while one is converted. */
    static void awaitSpare(GhostscriptArchiver archiver) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (archiver.idleProcesses() != 1) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no spare gs process is ready: " + archiver.idleProcesses());
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aDamagedPdfGivesAReasonLeavesNoArchiveAndTheNextDocumentIsFine() throws Exception {
        GhostscriptArchiver archiver = archiver();
        for (String garbage : new String[] {null, "this is no PDF at all\n"}) {
            Path source = twoPagesInBase14FontsWithCmykColour(dir.resolve("broken.pdf"));
            byte[] bytes = Files.readAllBytes(source);
            Files.write(source, garbage == null ? java.util.Arrays.copyOf(bytes, 40) : garbage.getBytes());
            Path archive = dir.resolve("archive.pdf");

            ParseException e = assertThrows(ParseException.class, () -> archiver.archive(source, archive));

            String reason = garbage == null ? "Ghostscript could not write a PDF/A copy of broken.pdf"
                    : "No archive copy of broken.pdf: it has no %PDF- header";
            assertTrue(e.getMessage().startsWith(reason), e.getMessage());
            assertFalse(Files.exists(archive));
        }
        Path good = onePage(dir.resolve("good.pdf"), "After the broken ones");
        archiver.archive(good, dir.resolve("good-archive.pdf"));
        assertPdfA2b(dir.resolve("good-archive.pdf"));
        try (var jobs = Files.list(work.resolve("jobs"))) {
            assertEquals(java.util.List.of("idle.pdf"), jobs.map(p -> p.getFileName().toString()).toList(),
                    "no job file is left behind");
        }
        archiver.deactivate();
    }

    @Test
    void withoutGhostscriptTheMessageSaysWhatToInstall() throws Exception {
        Path source = twoPagesInBase14FontsWithCmykColour(dir.resolve("letter.pdf"));
        GhostscriptArchiver missing = new GhostscriptArchiver(work, "/nonexistent/gs", 60, 1);

        ParseException e = assertThrows(ParseException.class, () -> missing.archive(source, dir.resolve("a.pdf")));

        assertEquals(GhostscriptArchiver.NOT_INSTALLED, e.getMessage());
    }

    /** Ghostscript may always read its temp folder (/tmp): the work folder lies elsewhere, as in production. */
    private GhostscriptArchiver archiver() throws IOException {
        return new GhostscriptArchiver(work, "gs", 120, 1);
    }

    static Path onePage(Path file, String line) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(FontName.COURIER), 11);
                content.newLineAtOffset(72, 700);
                content.showText(line);
                content.endText();
            }
            document.save(file.toFile());
        }
        return file;
    }

    /** What many invoicing programs write: Helvetica and Times by name only, DeviceCMYK colour, no metadata. */
    static Path twoPagesInBase14FontsWithCmykColour(Path file) throws IOException {
        try (PDDocument document = new PDDocument()) {
            String[] lines = {"Rechnung Nr. 2024-117 an Herrn Müller", "Page two: total amount EUR 1,234.56"};
            for (String line : lines) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.setNonStrokingColor(new PDColor(new float[] {0.1f, 0.6f, 0, 0}, PDDeviceCMYK.INSTANCE));
                    content.addRect(72, 600, 200, 40);
                    content.fill();
                    content.setNonStrokingColor(new PDColor(new float[] {0, 0, 0, 1}, PDDeviceCMYK.INSTANCE));
                    content.beginText();
                    content.setFont(new PDType1Font(FontName.HELVETICA), 12);
                    content.newLineAtOffset(72, 700);
                    content.showText(line);
                    content.setFont(new PDType1Font(FontName.TIMES_BOLD), 10);
                    content.newLineAtOffset(0, -20);
                    content.showText("Straße 5, 12345 Musterstadt");
                    content.endText();
                }
            }
            document.save(file.toFile());
        }
        return file;
    }

    static void assertPdfA2b(Path pdf) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(pdf.toFile(), PDFAFlavour.PDFA_2_B);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            ValidationResult result = validator.validate(parser);
            String failures = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId() + ": " + a.getMessage())
                    .distinct().collect(Collectors.joining("\n"));
            assertTrue(result.isCompliant(), "not PDF/A-2b:\n" + failures);
        }
    }
}
