package org.paperless.archive.pdfa.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.parser.ParseException;

class PdfHeaderTest {

    @TempDir
    Path dir;

    @Test
    void aPdfThatBeginsWithItsHeaderIsHandedOverAsItIs() throws Exception {
        Path pdf = GhostscriptArchiverTest.onePage(dir.resolve("letter.pdf"), "A letter");
        Path job = dir.resolve("job.pdf");

        PdfHeader.writeJobFile(pdf, job, "letter.pdf");

        assertArrayEquals(Files.readAllBytes(pdf), Files.readAllBytes(job));
    }

    /** What a mail gateway leaves: a line before the PDF, whose offsets count from its header. */
    @Test
    void bytesBeforeTheHeaderAreLeftOutOfTheJobFile() throws Exception {
        byte[] pdf = Files.readAllBytes(GhostscriptArchiverTest.onePage(dir.resolve("inside.pdf"), "A letter"));
        Path gateway = dir.resolve("gateway.pdf");
        Files.write(gateway, HostileFiles.postScriptPolyglot("X-Scanned-By: gateway", "", pdf));
        Path job = dir.resolve("job.pdf");

        PdfHeader.writeJobFile(gateway, job, "gateway.pdf");

        assertArrayEquals(pdf, Files.readAllBytes(job));
        assertTrue(PdfHeader.atStart(job));
        assertFalse(PdfHeader.atStart(gateway));
    }

    @Test
    void aHeaderAfterTheFirstKilobyteIsNoHeader() throws Exception {
        Path late = dir.resolve("late.pdf");
        Files.writeString(late, " ".repeat(PdfHeader.WINDOW - 4) + "%PDF-1.7\n", StandardCharsets.ISO_8859_1);
        Path job = dir.resolve("job.pdf");

        ParseException e = assertThrows(ParseException.class, () -> PdfHeader.writeJobFile(late, job, "late.pdf"));

        assertEquals("No archive copy of late.pdf: it has no %PDF- header in its first 1024 bytes, "
                + "so it is not a PDF Ghostscript may read", e.getMessage());
        assertFalse(Files.exists(job));
    }
}
