package org.paperless.parser.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.parser.ParseException;
import org.paperless.api.parser.ParsedDocument;

/** Mails built to hurt the parser: each must be read within bounds, cut with its text kept, or refused. */
class HostileMailTest {

    private static final String TYPE = "message/rfc822";
    private static final String HEAD = "From: a@example.org\r\nTo: b@example.org\r\nSubject: hostile\r\n"
            + "Date: Tue, 3 Jun 2008 11:05:30 +0100\r\nMIME-Version: 1.0\r\n";

    @TempDir
    Path dir;

    private ParsedDocument result;

    @AfterEach
    void removeArchive() throws IOException {
        if (result != null && result.archivePdf() != null) {
            Files.deleteIfExists(result.archivePdf());
        }
    }

    @Test
    void multipartsNestedTenThousandDeepAreRefused() throws Exception {
        StringBuilder mail = new StringBuilder(HEAD);
        for (int i = 0; i < 10_000; i++) {
            mail.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b").append(i).append("\r\n");
        }
        mail.append("Content-Type: text/plain\r\n\r\ndeep\r\n");
        for (int i = 9_999; i >= 0; i--) {
            mail.append("--b").append(i).append("--\r\n");
        }

        assertRefused(mail, "nested more than " + MailReader.MAX_DEPTH + " deep");
    }

    @Test
    void aMillionEmptyPartsAreRefusedBeforeTheyFillTheHeap() throws Exception {
        // 10 MB; the unbounded parser ran out of a 1 GB heap after two minutes.
        StringBuilder mail = new StringBuilder(HEAD).append("Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n");
        mail.append("--b\r\n\r\nx\r\n".repeat(1_000_000)).append("--b--\r\n");

        Cost.Measured<ParseException> refusal = Cost.of(() -> assertRefused(mail, "more than 10,000 MIME parts"));

        assertTrue(refusal.cpuMillis() < 30_000, refusal.cpuMillis() + " ms of CPU before refusing");
    }

    @Test
    void aHundredThousandAttachmentsAreRefused() throws Exception {
        StringBuilder mail = new StringBuilder(HEAD).append("Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n");
        for (int i = 0; i < 100_000; i++) {
            mail.append("--b\r\nContent-Type: application/pdf; name=\"f").append(i).append(".pdf\"\r\n\r\nx\r\n");
        }
        mail.append("--b--\r\n");

        assertRefused(mail, "more than 10,000 MIME parts");
    }

    @Test
    void aMillionHeaderLinesAreRefused() throws Exception {
        StringBuilder mail = new StringBuilder(HEAD).append("X-A: b\r\n".repeat(1_000_000)).append("\r\nbody\r\n");

        assertRefused(mail, "more than 100,000 header lines");
    }

    @Test
    void aHeaderOfTwoMegabytesIsRefused() throws Exception {
        StringBuilder mail = new StringBuilder(HEAD).append("X-Long: ").append("a".repeat(2 << 20)).append("\r\n\r\nbody\r\n");

        assertRefused(mail, "a header block is over 1 MB");
    }

    @Test
    void aPartHeaderOfTwoMegabytesIsRefused() throws Exception {
        StringBuilder mail = new StringBuilder(HEAD).append("Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n")
                .append("Content-Type: application/pdf; name=\"").append("a".repeat(2 << 20)).append("\"\r\n\r\nx\r\n--b--\r\n");

        assertRefused(mail, "a header block is over 1 MB");
    }

    @Test
    void overlongOrMissingBoundariesAreRefused() throws Exception {
        String boundary = "a".repeat(20_000);
        assertRefused(new StringBuilder(HEAD).append("Content-Type: multipart/mixed; boundary=\"").append(boundary)
                .append("\"\r\n\r\n--").append(boundary).append("\r\n\r\nx\r\n--").append(boundary).append("--\r\n"),
                "boundary is 20000 characters long");
        assertRefused(new StringBuilder(HEAD).append("Content-Type: multipart/mixed\r\n\r\n--")
                .append("a".repeat(20_000)).append("\r\n\r\nx\r\n"), "no boundary parameter");
    }

    @Test
    void aSubjectFoldedSixteenThousandTimesIsUnfoldedInOnePass() throws Exception {
        // jakarta.mail's unfold copies the rest of the field at each break: 700 MB of garbage for this one.
        StringBuilder mail = new StringBuilder(HEAD.replace("Subject: hostile", "Subject: start" + "\r\n a".repeat(16_000)))
                .append("\r\nbody\r\n");

        Cost.Measured<ParsedDocument> parsed = Cost.of(() -> parse(mail));

        assertTrue(parsed.result().text().contains("Subject: start a a a a"), parsed.result().text().substring(0, 200));
        assertTrue(parsed.bytes() < 128 << 20, "allocated " + (parsed.bytes() >> 20) + " MB");
    }

    @Test
    void aDateOfParenthesesDoesNotBacktrack() throws Exception {
        // The comment-stripping pattern tries every "(" against the rest: 20 s for 100,000 of them.
        StringBuilder mail = new StringBuilder(HEAD.replace("Date: Tue, 3 Jun 2008 11:05:30 +0100", "Date: " + "(".repeat(200_000)))
                .append("\r\nbody\r\n");

        Cost.Measured<ParsedDocument> parsed = Cost.of(() -> parse(mail));

        assertEquals(null, parsed.result().metadataDate());
        assertTrue(parsed.result().text().contains("Date: (((("), "the field is shown, cut");
        assertTrue(parsed.result().text().length() < MailReader.MAX_HEADER_CHARS + 1000, "cut to the header limit");
        assertTrue(parsed.cpuMillis() < 10_000, parsed.cpuMillis() + " ms of CPU");
    }

    @Test
    void encodedWordsPastTheAllowanceStayAsTheyAre() throws Exception {
        String words = "=?utf-8?q?A?= ".repeat(3_000); // two fields of 3,000: the second (Subject) goes past 5,000
        StringBuilder mail = new StringBuilder(HEAD.replace("Subject: hostile", "Subject: " + words)
                .replace("To: b@example.org", "To: " + words)).append("\r\nbody\r\n");

        Cost.Measured<ParsedDocument> parsed = Cost.of(() -> parse(mail));

        String text = parsed.result().text();
        assertTrue(text.contains("To: AAAA"), "decoded within the allowance");
        assertTrue(text.contains("Subject: =?utf-8?q?A?= =?utf-8?q?A?="), "shown as it stands");
        assertTrue(parsed.cpuMillis() < 10_000, parsed.cpuMillis() + " ms of CPU");
    }

    @Test
    void aGiganticBodyIsKeptCutAndDrawnOnAtMost500Pages() throws Exception {
        // 40 MB on one line, no spaces: the unbounded parser kept all of it and took 141 s to draw it.
        Path file = dir.resolve("big.eml");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((HEAD + "Content-Type: text/plain; charset=utf-8\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 40; i++) {
                out.write(chunk);
            }
        }

        Cost.Measured<ParsedDocument> parsed = Cost.of(() -> new MailDocumentParser().parse(file, TYPE));
        result = parsed.result();

        String body = result.text().substring(result.text().indexOf("\n\n") + 2);
        assertEquals(MailReader.MAX_TEXT_CHARS, body.strip().length());
        assertEquals(MailPdfRenderer.MAX_PAGES, result.pageCount());
        try (PDDocument pdf = Loader.loadPDF(result.archivePdf().toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(MailPdfRenderer.MAX_PAGES);
            assertTrue(stripper.getText(pdf).contains("longer than 500 pages"), "the last page says the rest is missing");
        }
        assertTrue(parsed.cpuMillis() < 30_000, parsed.cpuMillis() + " ms of CPU");
    }

    @Test
    void textPartsPastTheLimitAreLeftOutAndAttachmentsStillListed() throws Exception {
        StringBuilder mail = new StringBuilder(HEAD).append("Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n");
        for (int i = 0; i < 5; i++) {
            mail.append("--b\r\nContent-Type: text/plain\r\n\r\n").append(("part" + i + " ").repeat(100)).append("\r\n");
        }
        mail.append("--b\r\nContent-Type: application/pdf; name=\"last.pdf\"\r\n\r\nx\r\n--b--\r\n");

        result = new MailDocumentParser(1500).parse(write(mail), TYPE);

        assertTrue(result.text().contains("part2 part2"), result.text());
        assertFalse(result.text().contains("part3"), "past the limit");
        assertTrue(result.text().contains("- last.pdf"), result.text());
    }

    @Test
    void aCutNeverSplitsAUtf8Character() throws Exception {
        StringBuilder mail = new StringBuilder(HEAD).append("Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n").append("ü".repeat(5_000));

        result = new MailDocumentParser(1001).parse(write(mail), TYPE); // 1001 bytes: 500 ü and half of one

        assertTrue(result.text().endsWith("\n\n" + "ü".repeat(500) + "\n"), "read as UTF-8, without a broken last character");
    }

    @Test
    void htmlPastTheTagLimitIsCutNotRefused() throws Exception {
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            html.append("<p>word").append(i);
        }
        StringBuilder mail = new StringBuilder(HEAD).append("Content-Type: text/html; charset=utf-8\r\n\r\n").append(html);

        Cost.Measured<ParsedDocument> parsed = Cost.of(() -> parse(mail));

        String text = parsed.result().text();
        assertTrue(text.contains("\n\nword49999\n"), "the first 50,000 tags are read");
        assertFalse(text.contains("word50000"), "the rest is not");
        assertTrue(parsed.bytes() < 1L << 30, "allocated " + (parsed.bytes() >> 20) + " MB");
    }

    @Test
    void htmlWithAHalfMillionBlanksBeforeALineBreakIsCleanedInOnePass() throws Exception {
        // [ \t]+\n tried at every blank of the run: 12 s for 200,000 blanks, four times that for twice as many.
        StringBuilder mail = new StringBuilder(HEAD).append("Content-Type: text/html; charset=utf-8\r\n\r\n<pre>")
                .append(" ".repeat(500_000)).append("x</pre>");

        Cost.Measured<ParsedDocument> parsed = Cost.of(() -> parse(mail));

        assertTrue(parsed.result().text().endsWith("\n\nx\n"), "only blanks before the x");
        assertTrue(parsed.cpuMillis() < 10_000, parsed.cpuMillis() + " ms of CPU");
    }

    @Test
    void manyLineBreaksBeforeManyParagraphsAreNotRecounted() throws Exception {
        // Each <p> counted all the line breaks before it: 27 s for 200,000 <br> and 200,000 <p>.
        String html = "<br>".repeat(200_000) + "<p>".repeat(200_000) + "end";

        Cost.Measured<String> text = Cost.of(() -> HtmlText.of(Jsoup.parse(html)));

        assertEquals("end", text.result());
        assertTrue(text.cpuMillis() < 10_000, text.cpuMillis() + " ms of CPU");
    }

    @Test
    void anHtmlTagFollowedByAMillionSpacesIsRead() throws Exception {
        StringBuilder mail = new StringBuilder(HEAD).append("Content-Type: text/html; charset=utf-8\r\n\r\n<p>before<a")
                .append(" ".repeat(1_000_000)).append("href=x>link</a> after");

        Cost.Measured<ParsedDocument> parsed = Cost.of(() -> parse(mail));

        assertTrue(parsed.result().text().contains("beforelink after"), parsed.result().text());
        assertTrue(parsed.cpuMillis() < 10_000, parsed.cpuMillis() + " ms of CPU");
    }

    @Test
    void nulBytesInHeadersAndBodyAreLeftOut() throws Exception {
        StringBuilder mail = new StringBuilder(HEAD.replace("Subject: hostile", "Subject: a\u0000b"))
                .append("Content-Type: text/plain; charset=utf-8\r\n\r\nline\u0000one\u0001\ttab\r\n");

        String text = parse(mail).text();

        assertTrue(text.contains("Subject: ab\n"), text);
        assertTrue(text.contains("lineone\ttab"), text);
        assertFalse(text.chars().anyMatch(c -> c == 0), "no NUL for the database to refuse");
    }

    private ParseException assertRefused(CharSequence mail, String reason) throws IOException {
        Path file = write(mail);
        ParseException e = assertThrows(ParseException.class, () -> new MailDocumentParser().parse(file, TYPE));
        assertTrue(e.getMessage().contains("is refused: ") && e.getMessage().contains(reason), e.getMessage());
        return e;
    }

    private ParsedDocument parse(CharSequence mail) throws Exception {
        result = new MailDocumentParser().parse(write(mail), TYPE);
        return result;
    }

    private Path write(CharSequence mail) throws IOException {
        return Files.writeString(dir.resolve("hostile.eml"), mail, StandardCharsets.UTF_8);
    }
}
