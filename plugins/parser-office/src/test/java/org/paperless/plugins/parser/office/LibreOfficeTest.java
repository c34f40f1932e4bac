package org.paperless.plugins.parser.office;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.parser.ParsedDocument;

/**
 * Archive copies and thumbnails through the real LibreOffice (Debian's libreoffice-*-nogui, which
 * ./paperless test installs). Skipped, saying so, where it is not installed.
 */
class LibreOfficeTest {

    @TempDir
    Path folder;

    private Leftovers leftovers;

    @BeforeAll
    static void libreOfficeInstalled() {
        assumeTrue(LibreOffice.locate("soffice").isPresent(),
                "LibreOffice is not installed (apt-get install libreoffice-writer-nogui libreoffice-calc-nogui"
                        + " libreoffice-impress-nogui): the archive copy tests are skipped");
    }

    @BeforeEach
    void snapshot() throws Exception {
        leftovers = Leftovers.snapshot();
    }

    @AfterEach
    void nothingLeft() throws Exception {
        leftovers.assertNone();
    }

    private static OfficeDocumentParser parser() {
        return new OfficeDocumentParser(new LibreOffice("soffice", 120, 1), null);
    }

    @Test
    void aDocxGetsAValidPdfA2bCopyWithItsTextAndAThumbnail() throws Exception {
        ParsedDocument parsed = parser().parse(Samples.docx(folder), OfficeMimeTypes.OOXML);
        try {
            assertTrue(parsed.text().contains(Samples.DOCX_WORDS));
            assertNotNull(parsed.archivePdf(), "no archive copy");
            PdfChecks.assertPdfA2b(parsed.archivePdf());
            assertTrue(PdfChecks.textOf(parsed.archivePdf()).contains("zeppelin invoice"));
            assertTrue(PdfChecks.producer(parsed.archivePdf()).contains("LibreOffice"));
            assertEquals(1, parsed.pageCount());
            PdfChecks.assertThumbnail(parsed.thumbnailPng());
        } finally {
            Rendition.delete(parsed.archivePdf());
        }
    }

    @Test
    void aSpreadsheetAndAPresentationGoThroughCalcAndImpress() throws Exception {
        ParsedDocument sheet = parser().parse(Samples.xlsx(folder), OfficeMimeTypes.OOXML);
        ParsedDocument slides = parser().parse(Samples.pptx(folder), OfficeMimeTypes.OOXML);
        try {
            PdfChecks.assertPdfA2b(sheet.archivePdf());
            assertTrue(PdfChecks.textOf(sheet.archivePdf()).contains(Samples.XLSX_WORDS));
            PdfChecks.assertThumbnail(sheet.thumbnailPng());
            PdfChecks.assertPdfA2b(slides.archivePdf());
            assertTrue(PdfChecks.textOf(slides.archivePdf()).contains(Samples.PPTX_WORDS));
            assertEquals(2, slides.pageCount(), "one page per slide");
            PdfChecks.assertThumbnail(slides.thumbnailPng());
        } finally {
            Rendition.delete(sheet.archivePdf());
            Rendition.delete(slides.archivePdf());
        }
    }

    @Test
    void anOdtAndADocAreConverted() throws Exception {
        for (String[] sample : new String[][] {{"sample.odt", OfficeMimeTypes.ODF_TEXT}, {"sample.doc", OfficeMimeTypes.OLE2}}) {
            ParsedDocument parsed = parser().parse(Samples.resource(folder, sample[0]), sample[1]);
            try {
                PdfChecks.assertPdfA2b(parsed.archivePdf());
                assertTrue(PdfChecks.textOf(parsed.archivePdf()).contains("zeppelin invoice"), sample[0]);
            } finally {
                Rendition.delete(parsed.archivePdf());
            }
        }
    }

    @Test
    void withAnArchiverTheCopyIsTheArchiversAndWhenItFailsLibreOfficesOwn() throws Exception {
        assumeTrue(LibreOffice.locate("gs").isPresent(), "Ghostscript is not installed");
        GhostscriptTestArchiver working = new GhostscriptTestArchiver("gs");
        GhostscriptTestArchiver failing = new GhostscriptTestArchiver("/nonexistent/gs");

        ParsedDocument throughArchiver = new OfficeDocumentParser(new LibreOffice("soffice", 120, 1), working)
                .parse(Samples.docx(folder), OfficeMimeTypes.OOXML);
        ParsedDocument fallback = new OfficeDocumentParser(new LibreOffice("soffice", 120, 1), failing)
                .parse(Samples.docx(folder), OfficeMimeTypes.OOXML);
        try {
            assertEquals(1, working.calls);
            assertTrue(PdfChecks.producer(throughArchiver.archivePdf()).contains("Ghostscript"),
                    PdfChecks.producer(throughArchiver.archivePdf()));
            assertTrue(PdfChecks.textOf(throughArchiver.archivePdf()).contains("zeppelin invoice"));
            assertEquals(1, failing.calls);
            assertTrue(PdfChecks.producer(fallback.archivePdf()).contains("LibreOffice"));
            PdfChecks.assertPdfA2b(fallback.archivePdf());
        } finally {
            Rendition.delete(throughArchiver.archivePdf());
            Rendition.delete(fallback.archivePdf());
        }
    }

    @Test
    void aConversionOverTheTimeLimitIsKilledWithEverythingItStartedAndTheTextIsKept() throws Exception {
        // LibreOffice itself, started late: a warm LibreOffice converts this file within any limit a test can wait for.
        Path slow = folder.resolve("slow-soffice");
        java.nio.file.Files.writeString(slow, "#!/bin/sh\nsleep 30\nexec soffice \"$@\"\n");
        slow.toFile().setExecutable(true);
        long started = System.nanoTime();
        ParsedDocument parsed = new OfficeDocumentParser(new LibreOffice(slow.toString(), 3, 1), null)
                .parse(Samples.docx(folder), OfficeMimeTypes.OOXML);
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        assertTrue(parsed.text().contains(Samples.DOCX_WORDS));
        assertNull(parsed.archivePdf());
        assertNull(parsed.thumbnailPng());
        assertTrue(seconds < 15, "took " + seconds + " s");
        // @AfterEach: no LibreOffice process and no job folder left
    }

    @Test
    void aMacroEnabledDocmIsReadAndConvertedWithoutRunningAnything() throws Exception {
        ParsedDocument parsed = parser().parse(HostileDocuments.docm(folder), OfficeMimeTypes.OOXML);
        try {
            assertTrue(parsed.text().contains(Samples.DOCX_WORDS), parsed.text());
            PdfChecks.assertPdfA2b(parsed.archivePdf());
        } finally {
            Rendition.delete(parsed.archivePdf());
        }
    }

    @Test
    void thumbnailsAreMadeAgainWithoutAnArchiveCopy() throws Exception {
        PdfChecks.assertThumbnail(parser().thumbnail(Samples.pptx(folder), OfficeMimeTypes.OOXML));
    }

    @Test
    void withoutLibreOfficeThereIsTextOnly() throws Exception {
        Path missing = folder.resolve("no-soffice");
        ParsedDocument parsed = new OfficeDocumentParser(new LibreOffice(missing.toString(), 120, 1), null)
                .parse(Samples.docx(folder), OfficeMimeTypes.OOXML);

        assertTrue(parsed.text().contains(Samples.DOCX_WORDS));
        assertNull(parsed.archivePdf());
        assertFalse(Files.exists(missing));
    }
}
