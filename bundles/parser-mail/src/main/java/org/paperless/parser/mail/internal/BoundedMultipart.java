package org.paperless.parser.mail.internal;

import java.io.IOException;
import java.io.InputStream;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.SharedInputStream;

/**
 * A multipart whose parts count against the mail's {@link MailLimits}, each part's header block checked
 * before jakarta.mail loads it. jakarta.mail parses a multipart in one go, keeping every part; the count is
 * what stops a file of a million empty parts before the heap does.
 */
final class BoundedMultipart extends MimeMultipart {

    /**
     * RFC 2046 allows 70 characters. jakarta.mail builds a search table in time quadratic in the boundary's
     * length, and without a boundary it takes the first line starting with "--" as one, however long.
     */
    static final int MAX_BOUNDARY = 200;

    private final MailLimits limits;

    private BoundedMultipart(MimePart part, MailLimits limits) throws MessagingException {
        super(part.getDataHandler().getDataSource());
        this.limits = limits;
    }

    static BoundedMultipart of(MimePart part, ContentType type, MailLimits limits) throws MessagingException {
        String boundary = type.getParameter("boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw new MailLimits.Refused("a multipart part has no boundary parameter (RFC 2046 requires one)");
        }
        if (boundary.length() > MAX_BOUNDARY) {
            throw new MailLimits.Refused("a multipart boundary is " + boundary.length()
                    + " characters long (RFC 2046 allows 70)");
        }
        return new BoundedMultipart(part, limits);
    }

    /** A part read from the mail file: its header block is read once more through a second stream. */
    @Override
    protected MimeBodyPart createMimeBodyPart(InputStream in) throws MessagingException {
        limits.part();
        if (in instanceof SharedInputStream shared) {
            try (InputStream headers = shared.newStream(0, -1)) {
                limits.headerBlock(headers);
            } catch (IOException e) {
                throw new MessagingException("Cannot read the header of a MIME part: " + e.getMessage(), e);
            }
        }
        return super.createMimeBodyPart(in);
    }

    /** The header of a part copied to memory (a multipart inside a transfer encoding); the stream supports mark. */
    @Override
    protected InternetHeaders createInternetHeaders(InputStream in) throws MessagingException {
        try {
            in.mark(MailLimits.MAX_HEADER_BLOCK_BYTES + 1);
            limits.headerBlock(in);
            in.reset();
        } catch (IOException e) {
            throw new MessagingException("Cannot read the header of a MIME part: " + e.getMessage(), e);
        }
        return super.createInternetHeaders(in);
    }

    @Override
    protected MimeBodyPart createMimeBodyPart(InternetHeaders headers, byte[] content) throws MessagingException {
        limits.part();
        return super.createMimeBodyPart(headers, content);
    }
}
