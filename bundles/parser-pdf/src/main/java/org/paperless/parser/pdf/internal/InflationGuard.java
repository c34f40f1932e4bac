package org.paperless.parser.pdf.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.InflaterInputStream;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.paperless.api.parser.ParseException;

/**
 * Refuses decompression bombs before PDFBox or Ghostscript decode anything: every Flate stream of the
 * file (page contents, forms, images, fonts) is inflated once into nothing, counting; an image whose
 * declared size is beyond the pixel limit is refused from its dictionary alone, as an image file would be.
 */
final class InflationGuard {

    static final long MAX_STREAM_BYTES = 256L * 1024 * 1024;
    static final long MAX_DOCUMENT_BYTES = 1024L * 1024 * 1024;

    private final String name;
    private final long maxImagePixels;
    private long total;

    private InflationGuard(String name, long maxImagePixels) {
        this.name = name;
        this.maxImagePixels = maxImagePixels;
    }

    static void check(PDDocument document, String name, long maxImagePixels) throws IOException, ParseException {
        InflationGuard guard = new InflationGuard(name, maxImagePixels);
        COSDocument cos = document.getDocument();
        for (COSObjectKey key : cos.getXrefTable().keySet()) {
            COSBase object = cos.getObjectFromPool(key).getObject();
            if (object instanceof COSStream stream) {
                guard.check(stream);
            }
        }
    }

    private void check(COSStream stream) throws IOException, ParseException {
        if (COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
            long pixels = (long) stream.getInt(COSName.WIDTH, 0) * stream.getInt(COSName.HEIGHT, 0);
            if (pixels > maxImagePixels) {
                throw refused("an image in it is " + stream.getInt(COSName.WIDTH, 0) + " x "
                        + stream.getInt(COSName.HEIGHT, 0) + " pixels, more than the limit of " + maxImagePixels
                        + " (PAPERLESS_OCR_MAX_IMAGE_PIXELS)");
            }
        }
        total += inflatedSize(stream);
        if (total > MAX_DOCUMENT_BYTES) {
            throw refused("its streams inflate to more than " + MAX_DOCUMENT_BYTES / (1024 * 1024) + " MB");
        }
    }

    private long inflatedSize(COSStream stream) throws IOException, ParseException {
        if (!isFirstFilterFlate(stream)) {
            return stream.getLength();
        }
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        try (InputStream in = new InflaterInputStream(stream.createRawInputStream())) {
            for (int n; (n = in.read(buffer)) > 0;) {
                size += n;
                if (size > MAX_STREAM_BYTES) {
                    throw refused("one of its streams inflates to more than " + MAX_STREAM_BYTES / (1024 * 1024) + " MB");
                }
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            return stream.getLength(); // not our business: PDFBox reports a broken stream its own way
        }
        return size;
    }

    private static boolean isFirstFilterFlate(COSStream stream) {
        COSBase filters = stream.getFilters();
        return COSName.FLATE_DECODE.equals(filters)
                || filters instanceof COSArray array && array.size() > 0 && COSName.FLATE_DECODE.equals(array.getObject(0));
    }

    private ParseException refused(String why) {
        return new ParseException("The PDF " + name + " is refused as a possible decompression bomb: " + why);
    }
}
