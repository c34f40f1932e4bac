package org.paperless.plugins.parser.office;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.paperless.api.parser.ParseException;

/**
 * Inflates every part of a zip-based document (.docx, .odt, ...) once, counting, before anything else reads it:
 * Tika, POI and LibreOffice would each inflate a zip bomb in full. A part may inflate to at most 100 times its
 * compressed size (POI's own rule) and 256 MB, the whole document to 1 GB, so the check itself stops early. XML
 * parts with entity declarations are refused on the way (see {@link XmlProlog}).
 */
final class ZipGuard {

    static final long MAX_PART_BYTES = 256L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 1024L * 1024 * 1024;
    static final int MAX_RATIO = 100;
    /** Small parts may compress better than 1:100 (a page of spaces); the ratio counts from here on. */
    static final long RATIO_GRACE_BYTES = 1024 * 1024;
    static final int MAX_PARTS = 10_000;

    private ZipGuard() {
    }

    static void check(Path file, String name) throws ParseException {
        long total = 0;
        int parts = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            long size = Files.size(file);
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (++parts > MAX_PARTS) {
                    throw refused(name, "it has more than " + MAX_PARTS + " parts");
                }
                if (!entry.isDirectory()) {
                    total += inflate(zip, entry, name, total, size);
                }
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new ParseException("The file " + name + " is damaged or truncated: its zip structure cannot be read ("
                    + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new ParseException("Cannot read " + name + ": " + e.getMessage(), e);
        }
        if (parts == 0) {
            throw new ParseException("The file " + name + " is damaged or truncated: its zip holds no parts");
        }
    }

    /** @return the bytes the part inflates to */
    private static long inflate(ZipFile zip, ZipEntry entry, String name, long before, long fileSize)
            throws IOException, ParseException {
        // A lying compressed size cannot help a bomb much: the file's own size bounds it too.
        long declared = entry.getCompressedSize();
        long compressed = Math.max(1, declared < 0 ? fileSize : Math.min(declared, fileSize));
        byte[] head = new byte[XmlProlog.WINDOW];
        int headLength = 0;
        byte[] buffer = new byte[64 * 1024];
        long count = 0;
        try (InputStream in = zip.getInputStream(entry)) {
            for (int n; (n = in.read(buffer)) > 0;) {
                if (headLength < head.length) {
                    int take = Math.min(n, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, take);
                    headLength += take;
                }
                count += n;
                if (count > MAX_PART_BYTES) {
                    throw refused(name, "its part " + entry.getName() + " inflates to more than " + mb(MAX_PART_BYTES));
                }
                if (before + count > MAX_TOTAL_BYTES) {
                    throw refused(name, "its parts inflate to more than " + mb(MAX_TOTAL_BYTES));
                }
                if (count > RATIO_GRACE_BYTES && count > compressed * MAX_RATIO) {
                    throw refused(name, "its part " + entry.getName() + " inflates to more than " + MAX_RATIO
                            + " times its compressed size");
                }
            }
        }
        switch (XmlProlog.judge(head, headLength)) {
            case INTERNAL_SUBSET -> throw refused(name, "its part " + entry.getName()
                    + " declares entities (a DOCTYPE with an internal subset), which office documents never need"
                    + " and which can read local files");
            case PROLOG_TOO_LONG -> throw refused(name, "its part " + entry.getName()
                    + " has no element in its first " + XmlProlog.WINDOW / 1024 + " KB");
            default -> { }
        }
        return count;
    }

    private static ParseException refused(String name, String why) {
        return new ParseException("The file " + name + " is refused: " + why + "; it is damaged or made to harm");
    }

    private static String mb(long bytes) {
        return bytes / (1024 * 1024) + " MB";
    }
}
