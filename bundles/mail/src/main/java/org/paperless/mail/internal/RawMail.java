package org.paperless.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.angus.mail.imap.IMAPMessage;

import jakarta.mail.MessagingException;

/** Downloads a whole mail, as the server keeps it, into a file: in pieces, never more than the limit. */
final class RawMail {

    private RawMail() {
    }

    static void download(IMAPMessage message, Path target, long maxBytes)
            throws MessagingException, IOException, MailRefused {
        long declared = message.getSize();
        if (declared > maxBytes) {
            throw tooBig(declared, maxBytes);
        }
        long total = 0;
        try (InputStream in = message.getMimeStream(); OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0;) {
                total += n;
                if (total > maxBytes) {
                    throw tooBig(total, maxBytes);
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private static MailRefused tooBig(long size, long max) {
        return new MailRefused(String.format(Locale.ROOT, "The mail is larger (%,d bytes) than the %,d bytes a mail may have",
                size, max));
    }
}
