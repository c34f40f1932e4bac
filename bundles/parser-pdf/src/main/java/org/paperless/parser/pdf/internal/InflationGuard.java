package org.paperless.parser.pdf.internal;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Refuses decompression bombs before PDFBox or Ghostscript decode anything: every stream of the file
 * (page contents, forms, images, fonts, object and cross-reference streams) has its whole filter chain
 * decoded once into nothing, counting, within a limit per stream and one per document; an image whose
 * declared size is beyond the pixel limit is refused from its dictionary alone, as an image file would be.
 * A refusal sticks: PDFBox's lenient parser may swallow the exception, the next {@link #throwIfRefused} not.
 */
final class InflationGuard implements Closeable {

    private final PdfLimits limits;
    private final StreamMeter meter;
    private final Set<COSStream> checked = Collections.newSetFromMap(new IdentityHashMap<>());
    private long total;
    private PdfRefusedException refusal;

    InflationGuard(String name, PdfLimits limits) {
        this.limits = limits;
        this.meter = new StreamMeter(name, limits);
    }

    /**
     * Checks every stream in the cross-reference table: plain objects first, so that object streams are
     * checked before the objects inside them are read out of them.
     */
    void checkAll(PDDocument document) throws IOException {
        throwIfRefused();
        COSDocument cos = document.getDocument();
        List<Map.Entry<COSObjectKey, Long>> compressed = new ArrayList<>();
        for (Map.Entry<COSObjectKey, Long> entry : cos.getXrefTable().entrySet()) {
            if (entry.getValue() != null && entry.getValue() < 0) {
                compressed.add(entry);
            } else {
                checkObject(cos, entry.getKey());
            }
        }
        for (Map.Entry<COSObjectKey, Long> entry : compressed) {
            checkObject(cos, entry.getKey());
        }
        throwIfRefused();
    }

    private void checkObject(COSDocument cos, COSObjectKey key) throws IOException {
        COSBase object = cos.getObjectFromPool(key).getObject();
        if (object instanceof COSStream stream) {
            check(stream, "object " + key.getNumber() + " " + key.getGeneration());
        }
    }

    /** Checks one stream, once; what the user is told to look for is {@code what}. */
    void check(COSStream stream, String what) throws IOException {
        throwIfRefused();
        if (!checked.add(stream)) {
            return;
        }
        try {
            if (COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
                long width = stream.getInt(COSName.WIDTH, 0);
                long height = stream.getInt(COSName.HEIGHT, 0);
                if (width * height > limits.maxImagePixels()) {
                    throw meter.tooManyPixels("an image in it", what, width, height);
                }
            }
            List<COSName> filters = StreamMeter.filters(stream.getFilters());
            long size = filters.isEmpty() ? stream.getLength()
                    : meter.decodedSize(stream, filters, true, stream::createRawInputStream, what);
            total += size;
            if (total > limits.maxDocumentBytes()) {
                throw meter.bomb("its streams inflate to more than " + PdfLimits.bytes(limits.maxDocumentBytes())
                        + " in all");
            }
        } catch (PdfRefusedException e) {
            refusal = e;
            throw e;
        }
    }

    void throwIfRefused() throws PdfRefusedException {
        if (refusal != null) {
            throw refusal;
        }
    }

    @Override
    public void close() throws IOException {
        meter.close();
    }
}
