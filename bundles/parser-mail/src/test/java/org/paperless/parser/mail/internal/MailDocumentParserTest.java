package org.paperless.parser.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Properties;
import java.util.Random;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.parser.ParseException;
import org.paperless.api.parser.ParsedDocument;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;

class MailDocumentParserTest {

    private static final String TYPE = "message/rfc822";

    @TempDir
    Path dir;

    private final MailDocumentParser parser = new MailDocumentParser();
    private ParsedDocument result;

    @AfterEach
    void removeArchive() throws IOException {
        if (result != null && result.archivePdf() != null) {
            Files.deleteIfExists(result.archivePdf());
        }
    }

    @Test
    void plainMailWithEncodedUmlautSubjectAndPdfAttachment() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("anna@example.org", "Anna Müller", "UTF-8"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("bob@example.org"));
        message.setHeader("Date", "Tue, 3 Jun 2025 23:30:00 -0700");
        message.setSubject("Überweisung für März", "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Hallo Bob,\n\nanbei die Rechnung für das Büro.\n\nGrüße\nAnna", "UTF-8");
        MimeBodyPart pdf = new MimeBodyPart();
        byte[] pdfBytes = smallPdf();
        pdf.setDataHandler(new DataHandler(new ByteArrayDataSource(pdfBytes, "application/pdf")));
        pdf.setFileName("rechnung-2025.pdf");
        message.setContent(new MimeMultipart(text, pdf));
        message.saveChanges();
        Path file = write(message, "invoice.eml");
        assertTrue(Files.readString(file, StandardCharsets.ISO_8859_1).contains("=?UTF-8?"), "subject is RFC 2047 encoded");

        result = parser.parse(file, TYPE);

        String content = result.text();
        assertTrue(content.contains("Subject: Überweisung für März"), content);
        assertTrue(content.contains("From: Anna Müller <anna@example.org>"), content);
        assertTrue(content.contains("To: bob@example.org"), content);
        assertTrue(content.contains("anbei die Rechnung für das Büro."), content);
        assertTrue(content.contains("Attachments:\n- rechnung-2025.pdf (" + MailContent.formatSize(pdfBytes.length) + ")"), content);
        assertFalse(content.contains("%PDF"), "the attachment is listed, not read");
        assertEquals(LocalDate.of(2025, 6, 3), result.metadataDate(), "the sender's calendar day");
        assertEquals(1, result.pageCount());
    }

    @Test
    void htmlOnlyMailIsReadAsTextWithoutTags() throws Exception {
        Path file = writeText("html.eml", """
                From: shop@example.com
                To: me@example.org
                Subject: Your order
                Date: Mon, 10 Feb 2025 09:00:00 +0000
                MIME-Version: 1.0
                Content-Type: text/html; charset=UTF-8
                Content-Transfer-Encoding: quoted-printable

                <html><head><style>p { color: red; }</style><title>Order</title></head>
                <body><h1>Thank you</h1><p>Your order <b>4711</b> has shipped.</p>
                <p>Total: 12,50&nbsp;=E2=82=AC</p><script>alert('x')</script><ul><li>Book</li><li>Pen</li></ul></body></html>
                """);

        result = parser.parse(file, TYPE);

        String content = result.text();
        assertTrue(content.contains("Thank you\n\nYour order 4711 has shipped.\n\nTotal: 12,50 €"), content);
        assertTrue(content.contains("- Book\n- Pen"), content);
        assertFalse(content.contains("<"), content);
        assertFalse(content.contains("color: red"), content);
        assertFalse(content.contains("alert"), content);
    }

    @Test
    void alternativeMailPrefersThePlainText() throws Exception {
        Path file = writeText("alternative.eml", """
                From: a@example.org
                To: b@example.org
                Subject: Both
                Date: Mon, 10 Feb 2025 09:00:00 +0000
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="XYZ"

                --XYZ
                Content-Type: text/html; charset=UTF-8

                <p>html version</p>
                --XYZ
                Content-Type: text/plain; charset=UTF-8

                plain version
                --XYZ--
                """);

        result = parser.parse(file, TYPE);

        assertTrue(result.text().contains("plain version"), result.text());
        assertFalse(result.text().contains("html version"), result.text());
    }

    @Test
    void latin1MailHonoursItsCharset() throws Exception {
        String mail = """
                From: =?ISO-8859-1?Q?J=F6rg?= <joerg@example.de>
                To: b@example.org
                Cc: c@example.org
                Subject: =?ISO-8859-1?Q?Gr=FC=DFe?=
                Date: Mon, 10 Feb 2025 09:00:00 +0100
                MIME-Version: 1.0
                Content-Type: text/plain; charset=ISO-8859-1
                Content-Transfer-Encoding: 8bit

                Schöne Grüße aus Köln, 5 °C.
                """;
        Path file = dir.resolve("latin1.eml");
        Files.write(file, mail.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));

        result = parser.parse(file, TYPE);

        assertTrue(result.text().contains("Schöne Grüße aus Köln, 5 °C."), result.text());
        assertTrue(result.text().contains("From: Jörg <joerg@example.de>"), result.text());
        assertTrue(result.text().contains("Cc: c@example.org"), result.text());
        assertTrue(result.text().contains("Subject: Grüße"), result.text());
    }

    @Test
    void brokenCharsetAndBytesDoNotStopTheParse() throws Exception {
        String head = """
                From: a@example.org
                Subject: =?x-unknown?Q?abc?=
                Date: not a date
                Content-Type: text/plain; charset="no-such-charset"
                Content-Transfer-Encoding: x-weird

                """.replace("\n", "\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(head.getBytes(StandardCharsets.US_ASCII));
        bytes.write(new byte[] {'o', 'k', ' ', (byte) 0xE4, (byte) 0xFF, (byte) 0xC3, ' ', 'e', 'n', 'd', '\r', '\n'});
        Path file = dir.resolve("broken.eml");
        Files.write(file, bytes.toByteArray());

        result = parser.parse(file, TYPE);

        assertTrue(result.text().contains("ok "), result.text());
        assertTrue(result.text().contains(" end"), result.text());
        assertEquals(null, result.metadataDate());
        assertNotNull(result.archivePdf());
    }

    @Test
    void garbageIsRefusedWithAClearMessage() throws Exception {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        Path file = dir.resolve("garbage.eml");
        Files.write(file, garbage);

        ParseException e = assertThrows(ParseException.class, () -> parser.parse(file, TYPE));

        assertTrue(e.getMessage().contains("garbage.eml is not a readable mail"), e.getMessage());
    }

    @Test
    void tooBigMailIsRefused() throws Exception {
        Path file = dir.resolve("huge.eml");
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {'x'}), MailDocumentParser.MAX_SIZE); // sparse
        }

        ParseException e = assertThrows(ParseException.class, () -> parser.parse(file, TYPE));

        assertTrue(e.getMessage().contains("are not read"), e.getMessage());
    }

    @Test
    void archivePdfHoldsSubjectAndBodyAndThumbnailDecodes() throws Exception {
        StringBuilder body = new StringBuilder("The official financial figures are final. Привет, 日本 😀\n\n");
        for (int i = 0; i < 200; i++) {
            body.append("Paragraph ").append(i).append(" fills the page with words so that the mail needs more than one page. ");
        }
        body.append("\n\nLastword.");
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("a@example.org"));
        message.setSubject("Quarterly efficiency report", "UTF-8");
        message.setSentDate(new java.util.Date());
        message.setText(body.toString(), "UTF-8");
        message.saveChanges();
        Path file = write(message, "long.eml");

        result = parser.parse(file, TYPE);

        assertNotNull(result.archivePdf());
        try (PDDocument pdf = Loader.loadPDF(result.archivePdf().toFile())) {
            assertTrue(pdf.getNumberOfPages() > 1, "long text is paged");
            assertEquals(pdf.getNumberOfPages(), result.pageCount());
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Quarterly efficiency report"), text);
            assertTrue(text.contains("The official financial figures are final."), text);
            assertTrue(text.contains("Привет"), text);
            assertTrue(text.contains("Paragraph 199 fills the page"), text);
            assertTrue(text.contains("Lastword."), text);
            for (PDPage page : pdf.getPages()) {
                assertEquals(595, Math.round(page.getMediaBox().getWidth()));
            }
        }
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(result.thumbnailPng()));
        assertNotNull(thumbnail, "the thumbnail is a PNG");
        assertTrue(Math.abs(thumbnail.getWidth() - 400) <= 1, "width " + thumbnail.getWidth());
    }

    @Test
    void encodedFileNamesAreDecoded() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("a@example.org"));
        message.setSubject("Files");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("see attached", "UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(new byte[2048], "application/octet-stream")));
        file.setFileName(MimeUtility.encodeText("Übersicht.xlsx", "UTF-8", "Q"));
        message.setContent(new MimeMultipart(text, file));
        message.saveChanges();

        result = parser.parse(write(message, "files.eml"), TYPE);

        assertTrue(result.text().contains("- Übersicht.xlsx (2.0 KB)"), result.text());
    }

    private Path write(MimeMessage message, String name) throws Exception {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            message.writeTo(out);
        }
        return file;
    }

    private Path writeText(String name, String mail) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, mail.replace("\n", "\r\n"), StandardCharsets.UTF_8);
        return file;
    }

    private static byte[] smallPdf() throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            pdf.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        }
    }
}
