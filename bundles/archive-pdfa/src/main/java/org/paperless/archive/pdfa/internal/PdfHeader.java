package org.paperless.archive.pdfa.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import org.paperless.api.parser.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ghostscript gets only files that begin with {@code %PDF-}. PDF readers accept bytes before the header
 * (a mail gateway's line, a second format), so a file can be a PDF to them and PostScript to a program that
 * judges it by its first bytes, as gs's {@code run} does. The job file is therefore the source from its
 * header on. Bytes put before a finished PDF leave its offsets counting from the header, so the cut copy is
 * exactly that PDF; where they do not fit, gs's PDF interpreter repairs the cross-reference as it would anyway.
 */
final class PdfHeader {

    /** Where readers look for the header; the parser accepts a PDF by the same window. */
    static final int WINDOW = 1024;
    private static final byte[] HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private static final Logger LOG = LoggerFactory.getLogger(PdfHeader.class);

    private PdfHeader() {
    }

    /**
     * Puts the PDF into the job file: a hard link when it begins with its header (a copy on another file
     * system), otherwise a copy from the header on.
     *
     * @throws ParseException when there is no header in the first {@value #WINDOW} bytes
     */
    static void writeJobFile(Path pdf, Path job, String name) throws IOException, ParseException {
        long offset = offset(pdf);
        if (offset < 0) {
            throw new ParseException("No archive copy of " + name + ": it has no %PDF- header in its first "
                    + WINDOW + " bytes, so it is not a PDF Ghostscript may read");
        }
        if (offset == 0) {
            linkOrCopy(pdf, job);
        } else {
            LOG.info("{} has {} bytes before its %PDF- header; its archive copy is made from the header on", name,
                    offset);
            copyFrom(pdf, offset, job);
        }
    }

    /** @return whether the file's first bytes are {@code %PDF-} */
    static boolean atStart(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(HEADER.length), HEADER);
        }
    }

    /** @return where {@code %PDF-} begins within the first {@value #WINDOW} bytes, or -1 */
    static long offset(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(WINDOW);
        }
        for (int i = 0; i + HEADER.length <= head.length; i++) {
            if (Arrays.equals(head, i, i + HEADER.length, HEADER, 0, HEADER.length)) {
                return i;
            }
        }
        return -1;
    }

    /** A hard link costs nothing; another file system gets a copy. */
    private static void linkOrCopy(Path pdf, Path job) throws IOException {
        try {
            Files.createLink(job, pdf.toAbsolutePath());
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(pdf, job, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void copyFrom(Path pdf, long offset, Path job) throws IOException {
        try (FileChannel in = FileChannel.open(pdf, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(job, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            long size = in.size();
            for (long position = offset; position < size;) {
                long copied = in.transferTo(position, size - position, out);
                if (copied <= 0) {
                    throw new IOException("Cannot copy " + pdf + " from byte " + position);
                }
                position += copied;
            }
        }
    }
}
