package org.paperless.parser.pdf.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.InflaterInputStream;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.paperless.api.parser.ParseException;

/**
 * Refuses decompression bombs: a page content stream of a few kilobytes that inflates to gigabytes
 * would have PDFBox write and scan all of it. Each Flate stream is inflated once into nothing,
 * counting, before anything else reads it.
 */
final class InflationGuard {

    static final long MAX_STREAM_BYTES = 256L * 1024 * 1024;
    static final long MAX_DOCUMENT_BYTES = 1024L * 1024 * 1024;

    private InflationGuard() {
    }

    static void check(PDDocument document, String name) throws IOException, ParseException {
        long total = 0;
        for (PDPage page : document.getPages()) {
            var contents = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
            if (contents instanceof COSStream stream) {
                total += inflatedSize(stream, name);
            } else if (contents instanceof org.apache.pdfbox.cos.COSArray array) {
                for (int i = 0; i < array.size(); i++) {
                    if (array.getObject(i) instanceof COSStream stream) {
                        total += inflatedSize(stream, name);
                    }
                }
            }
            if (total > MAX_DOCUMENT_BYTES) {
                throw refused(name, "its page contents inflate to more than " + MAX_DOCUMENT_BYTES / (1024 * 1024) + " MB");
            }
        }
    }

    private static long inflatedSize(COSStream stream, String name) throws IOException, ParseException {
        if (!COSName.FLATE_DECODE.equals(stream.getFilters()) && !isFirstFilterFlate(stream)) {
            return stream.getLength();
        }
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        try (InputStream in = new InflaterInputStream(stream.createRawInputStream())) {
            for (int n; (n = in.read(buffer)) > 0;) {
                size += n;
                if (size > MAX_STREAM_BYTES) {
                    throw refused(name, "a page's content inflates to more than " + MAX_STREAM_BYTES / (1024 * 1024) + " MB");
                }
            }
        } catch (java.util.zip.ZipException e) {
            return stream.getLength(); // not our business: PDFBox reports a broken stream its own way
        }
        return size;
    }

    private static boolean isFirstFilterFlate(COSStream stream) {
        return stream.getFilters() instanceof org.apache.pdfbox.cos.COSArray filters && filters.size() > 0
                && COSName.FLATE_DECODE.equals(filters.getObject(0));
    }

    private static ParseException refused(String name, String why) {
        return new ParseException("The PDF " + name + " is refused as a possible decompression bomb: " + why);
    }
}
