package org.paperless.parser.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import jakarta.mail.MessagingException;

/**
 * What one mail may cost, counted across all its nesting levels. jakarta.mail keeps every MIME part of a
 * multipart (a 2 KB buffer each) and every header line in memory, so counts, not only the file size,
 * bound the memory: a 10 MB file of empty parts is a million of them. Real mails stay far below these
 * limits; one that goes past them is refused.
 */
final class MailLimits {

    /** MIME parts in the whole mail, at any depth. */
    static final int MAX_PARTS = 10_000;
    /** Header lines in the whole mail, the mail's own and those of every part. */
    static final int MAX_HEADER_LINES = 100_000;
    /** One header block: the mail's own or a part's. */
    static final int MAX_HEADER_BLOCK_BYTES = 1024 * 1024;

    /** A mail past a limit; the message says which. */
    static final class Refused extends MessagingException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private int parts;
    private int headerLines;

    /** Counts one more MIME part. */
    void part() throws Refused {
        if (++parts > MAX_PARTS) {
            throw new Refused(String.format(Locale.ROOT, "it has more than %,d MIME parts", MAX_PARTS));
        }
    }

    /**
     * Reads one header block (up to the first empty line) and counts its lines, before jakarta.mail loads it.
     * The stream is left wherever the check stopped: give it a copy, or mark and reset it.
     */
    void headerBlock(InputStream in) throws Refused, IOException {
        int bytes = 0;
        int lineLength = 0;
        int previous = -1;
        for (int b = in.read(); b != -1; previous = b, b = in.read()) {
            if (++bytes > MAX_HEADER_BLOCK_BYTES) {
                throw new Refused("a header block is over " + (MAX_HEADER_BLOCK_BYTES >> 20) + " MB");
            }
            if (b == '\n' && previous == '\r') {
                continue; // the second half of CRLF
            }
            if (b == '\n' || b == '\r') {
                if (lineLength == 0) {
                    return; // the empty line that ends the block
                }
                if (++headerLines > MAX_HEADER_LINES) {
                    throw new Refused(String.format(Locale.ROOT, "it has more than %,d header lines",
                            MAX_HEADER_LINES));
                }
                lineLength = 0;
            } else {
                lineLength++;
            }
        }
    }
}
