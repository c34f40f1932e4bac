package org.paperless.parser.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.paperless.api.archive.PdfArchiver;
import org.paperless.api.runtime.AwaitedService;
import org.paperless.api.runtime.ServiceMissingException;
import org.paperless.api.runtime.ServiceWait;
import org.paperless.api.parser.DocumentParser;
import org.paperless.api.parser.ParseException;
import org.paperless.api.parser.ParsedDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;

/**
 * Reads .eml mails: the header fields, the body (plain text preferred over HTML) and the attachment names
 * become the text; the mail drawn as a PDF becomes the archive copy, its first page the thumbnail.
 */
@Component(service = DocumentParser.class, property = DocumentParser.MIME_TYPES + "=message/rfc822")
public class MailDocumentParser implements DocumentParser {

    /** A mail bigger than this is refused: it is mostly attachments, and those are not read here. */
    static final long MAX_SIZE = 50L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(MailDocumentParser.class);

    /** Turns the drawn mail into PDF/A; without it the archive copy is a plain PDF. While it restarts, mails wait for it. */
    private final AwaitedService<PdfArchiver> archiver = new AwaitedService<>("PDF/A archiving (org.paperless.archive.pdfa)");

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindArchiver")
    void bindArchiver(PdfArchiver service) {
        archiver.bind(service);
    }

    void unbindArchiver(PdfArchiver service) {
        archiver.unbind(service);
    }

    @Deactivate
    void deactivate() {
        archiver.close();
    }

    private final int maxTextChars;

    public MailDocumentParser() {
        this(MailReader.MAX_TEXT_CHARS);
    }

    MailDocumentParser(int maxTextChars) {
        this.maxTextChars = maxTextChars;
    }

    @Override
    public ParsedDocument parse(Path file, String mimeType) throws ParseException {
        String name = file.getFileName().toString();
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ParseException("Cannot read " + name + ": " + e.getMessage(), e);
        }
        if (size > MAX_SIZE) {
            throw new ParseException("The mail " + name + " is " + MailContent.formatSize(size) + "; mails over "
                    + MailContent.formatSize(MAX_SIZE) + " are not read (save its attachments and consume them instead)");
        }
        if (size == 0) {
            throw new ParseException("The mail " + name + " is empty");
        }
        MailContent mail = read(file, name);
        Path archive = null;
        try {
            archive = Files.createTempFile("paperless-mail-", ".pdf");
            int pages = MailPdfRenderer.render(mail, archive);
            byte[] thumbnail = MailThumbnail.render(archive);
            archive = toPdfA(archive, name);
            LOG.debug("Parsed {}: {} attachments, {} archive pages", name, mail.attachments().size(), pages);
            ParsedDocument result = new ParsedDocument(mail.text(), pages, mail.date(), thumbnail, archive);
            archive = null;
            return result;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot draw the mail {} as a PDF: {}", name, e.toString());
            throw new ParseException("The mail " + name + " was read but could not be drawn as a PDF: " + e.getMessage(), e);
        } finally {
            deleteQuietly(archive);
        }
    }

    /** The PDF/A copy of the drawn mail, or the drawn mail itself when no copy can be made. */
    private Path toPdfA(Path drawn, String name) throws IOException {
        if (archiver.now() == null && !archiver.isAway()) {
            return drawn;
        }
        Path pdfa = Files.createTempFile("paperless-mail-pdfa-", ".pdf");
        try {
            archiver.call(ServiceWait.limit(), service -> {
                service.archive(drawn, pdfa);
                return null;
            });
            Files.delete(drawn);
            return pdfa;
        } catch (ParseException e) {
            LOG.warn("The mail {} keeps a plain PDF as its archive copy: {}", name, e.getMessage());
            Files.deleteIfExists(pdfa);
            return drawn;
        } catch (ServiceMissingException e) {
            Files.deleteIfExists(pdfa);
            throw new IOException("The mail " + name + " needs its PDF/A archive copy: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Files.deleteIfExists(pdfa);
            throw new IOException("The archive copy of " + name + " was interrupted: the mail parser is stopping", e);
        }
    }

    /**
     * jakarta.mail finds its implementation (Angus) through ServiceLoader and activation reads its mailcap
     * files through the context class loader; both are embedded here, so this bundle's class loader sees them.
     */
    private MailContent read(Path file, String name) throws ParseException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(MailDocumentParser.class.getClassLoader());
        MailLimits limits = new MailLimits();
        try (SharedFileInputStream in = new SharedFileInputStream(file.toFile())) {
            try (InputStream header = in.newStream(0, -1)) {
                limits.headerBlock(header); // before jakarta.mail loads all of it
            }
            // The other mail.mime.* settings are JVM-wide system properties in jakarta.mail, not session ones.
            Properties properties = new Properties();
            properties.setProperty("mail.mime.address.strict", "false");
            MimeMessage message = new MimeMessage(Session.getInstance(properties), in);
            return MailReader.read(message, name, limits, maxTextChars);
        } catch (MailLimits.Refused e) {
            LOG.warn("Refused the mail {}: {}", name, e.getMessage());
            throw new ParseException("The mail " + name + " is refused: " + e.getMessage()
                    + " (a limit that keeps hostile files from exhausting the server; ordinary mails stay far below it)", e);
        } catch (MessagingException | IOException | RuntimeException e) {
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            LOG.warn("Cannot read {} as a mail: {}", name, reason);
            throw new ParseException("The file " + name + " is not a readable mail (.eml): " + reason, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("Cannot delete the temporary file {}: {}", file, e.getMessage());
            }
        }
    }
}
