package org.paperless.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attachment name globs, safe file names, and the type of an attachment from its bytes. */
class NamesTest {

    @TempDir
    Path dir;

    @Test
    void globsMatchTheWholeNameIgnoringCaseAndTakeLists() {
        Globs globs = Globs.of("*.pdf, invoice_??.txt");
        assertTrue(globs.matchesAny("Scan.PDF"));
        assertTrue(globs.matchesAny("INVOICE_07.txt"));
        assertFalse(globs.matchesAny("invoice_7.txt"));
        assertFalse(globs.matchesAny("scan.pdf.exe"), "the whole name");
        assertTrue(Globs.of("a+b (1).pdf").matchesAny("A+B (1).pdf"), "regex characters are literal");
        assertTrue(Globs.of(null).isEmpty());
        assertTrue(Globs.of(" , ").isEmpty());
    }

    @Test
    void fileNamesLoseFoldersAndControlCharactersAndKeepTheirExtensionWhenCut() {
        assertEquals("passwd", FileNames.safe("../../etc/passwd", "x"));
        assertEquals("evil.pdf", FileNames.safe("C:\\temp\\evil.pdf", "x"));
        assertEquals("a_b.pdf", FileNames.safe("a\u0000b.pdf", "x"));
        assertEquals("hidden.pdf", FileNames.safe(".hidden.pdf", "x"));
        assertEquals("x", FileNames.safe("...", "x"));
        assertEquals("x", FileNames.safe("  ", "x"));
        assertEquals("é.pdf", FileNames.safe("e\u0301.pdf", "x"), "NFC");
        String cut = FileNames.safe("ü".repeat(300) + ".pdf", "x");
        assertTrue(cut.endsWith(".pdf") && cut.getBytes(StandardCharsets.UTF_8).length <= FileNames.MAX_BYTES, cut);
        assertEquals("Re_ a_b.eml", FileNames.fromText("Re: a/b", ".eml", "mail.eml"));
    }

    @Test
    void theTypeComesFromTheBytesFirst() throws Exception {
        assertEquals("application/pdf", type("%PDF-1.5\n...", "application/octet-stream", "scan.bin"));
        assertEquals("image/png", type("\u0089PNG\r\n\u001a\n....", "application/pdf", "x.pdf"));
        assertEquals("text/plain", type("hello world", "application/octet-stream", "notes"));
        assertEquals("text/csv", type("a,b\n1,2\n", "application/octet-stream", "table.csv"));
        assertEquals("text/html", type("<!DOCTYPE html><html></html>", "text/plain", "page.txt"));
        assertEquals("text/calendar", type("BEGIN:VCALENDAR\r\n", "text/calendar", "invite.ics"));
        assertEquals("message/rfc822", type("From: a@b\r\n\r\nx", "message/rfc822", "fwd"));
        assertEquals("application/zip", type("PK\u0003\u0004\u0000\u0000", "application/zip", "a.zip"));
    }

    private String type(String content, String declared, String name) throws Exception {
        Path file = dir.resolve("f" + System.nanoTime());
        Files.write(file, content.getBytes(StandardCharsets.ISO_8859_1));
        return ContentSniffer.detect(file, declared, name);
    }
}
