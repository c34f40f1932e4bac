package org.paperless.parser.pdf.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.filter.DecodeOptions;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccess;
import org.apache.pdfbox.io.RandomAccessInputStream;
import org.apache.pdfbox.io.RandomAccessOutputStream;
import org.apache.pdfbox.io.ScratchFile;

/**
 * Decodes a stream's whole filter chain with PDFBox's own filters into nothing, counting, and refuses it
 * as soon as one stage decodes to more than the stream limit. Stages before the last go to a scratch
 * buffer (memory first, then a temp file) because PDFBox's filters only push. An image codec that ends
 * the chain is not decoded: its output is fixed by the image size in its header, which is checked
 * against the pixel limit instead (that is what PDFBox allocates when it decodes it).
 */
final class StreamMeter implements Closeable {

    /** Codecs whose output size is set by the image they carry, not by their data. */
    private static final Set<COSName> IMAGE_CODECS = Set.of(COSName.DCT_DECODE, COSName.DCT_DECODE_ABBREVIATION,
            COSName.CCITTFAX_DECODE, COSName.CCITTFAX_DECODE_ABBREVIATION, COSName.JPX_DECODE, COSName.JBIG2_DECODE);
    /** PDFBox allocates two rows of this for a predictor: no real image has rows anywhere near it. */
    static final long MAX_PREDICTOR_ROW_BYTES = 16L * 1024 * 1024;
    private static final long SCRATCH_MEMORY = 4L * 1024 * 1024;
    private static final int BUFFER = 64 * 1024;

    /** Where the raw (still encoded) bytes come from; opened again when a header is read first. */
    @FunctionalInterface
    interface Source {
        InputStream open() throws IOException;
    }

    private final String name;
    private final PdfLimits limits;
    private ScratchFile scratch;

    StreamMeter(String name, PdfLimits limits) {
        this.name = name;
        this.limits = limits;
    }

    /**
     * @param what how the user may find the stream, e.g. "object 12 0"
     * @param dedupe drop repeated filters as PDFBox does for streams (not for inline images)
     * @return the decoded size; for a stream PDFBox could not decode either, the raw size read
     * @throws PdfRefusedException when a stage decodes beyond the stream limit or an image is too big
     */
    long decodedSize(COSDictionary parameters, List<COSName> filters, boolean dedupe, Source raw, String what)
            throws IOException {
        List<Filter> chain = new ArrayList<>();
        List<COSName> names = new ArrayList<>();
        for (COSName filterName : filters) {
            Filter filter;
            try {
                filter = FilterFactory.INSTANCE.getFilter(filterName);
            } catch (IOException unknown) {
                return rawSize(raw); // PDFBox cannot decode it either
            }
            if (!dedupe || !chain.contains(filter)) {
                chain.add(filter);
                names.add(filterName);
            }
        }
        RandomAccess previous = null;
        // A stage that decodes to gigabytes and a last one that makes nothing of it (hex of white space)
        // costs the decoding all the same: the largest stage counts towards the document's limit.
        long largest = 0;
        try {
            for (int i = 0; i < chain.size(); i++) {
                Source input = previous == null ? raw : inputOf(previous);
                boolean last = i == chain.size() - 1;
                COSName filterName = names.get(i);
                if (IMAGE_CODECS.contains(filterName)) {
                    checkImageCodec(filterName, parameters, i, input, what);
                    if (last) {
                        return Math.max(largest, previous == null ? rawSize(raw) : previous.length());
                    }
                }
                checkPredictor(parameters, i, what, filters);
                RandomAccess next = last ? null : scratch().createBuffer();
                Meter meter = new Meter(limits.maxStreamBytes(),
                        next == null ? OutputStream.nullOutputStream() : new RandomAccessOutputStream(next));
                try (InputStream in = new BufferedInputStream(input.open(), BUFFER);
                        OutputStream out = new BufferedOutputStream(meter, BUFFER)) {
                    chain.get(i).decode(in, out, parameters, i, DecodeOptions.DEFAULT);
                } catch (IOException | RuntimeException broken) {
                    if (!meter.exceeded) {
                        close(next);
                        return rawSize(raw); // broken data: PDFBox reports it in its own way when it reads it
                    }
                }
                if (meter.exceeded) {
                    close(next);
                    throw bomb("one of its streams inflates to more than " + PdfLimits.bytes(limits.maxStreamBytes())
                            + " (" + what + ", filters " + join(filters) + ")");
                }
                close(previous);
                previous = next;
                largest = Math.max(largest, meter.count);
                if (last) {
                    return largest;
                }
            }
            return rawSize(raw);
        } finally {
            close(previous);
        }
    }

    /** The filters a stream names, as PDFBox reads them; empty when it names none or names them badly. */
    static List<COSName> filters(COSBase filter) {
        List<COSName> names = new ArrayList<>();
        if (filter instanceof COSName single) {
            names.add(single);
        } else if (filter instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (!(array.getObject(i) instanceof COSName each)) {
                    return List.of();
                }
                names.add(each);
            }
        }
        return names;
    }

    PdfRefusedException bomb(String why) {
        return new PdfRefusedException("The PDF " + name + " is refused as a possible decompression bomb: " + why
                + "; it is not read");
    }

    PdfRefusedException tooManyPixels(String image, String what, long width, long height) {
        return new PdfRefusedException("The PDF " + name + " is refused as a possible decompression bomb: " + image
                + " is " + width + " x " + height + " pixels, more than the limit of " + limits.maxImagePixels()
                + " (" + what + "); raise maxImagePixels in org.paperless.ocr (PAPERLESS_OCR_MAX_IMAGE_PIXELS)"
                + " if the file is genuine");
    }

    /** What PDFBox allocates for a JPEG or fax image comes from its header and parameters: check those. */
    private void checkImageCodec(COSName codec, COSDictionary parameters, int index, Source input, String what)
            throws IOException {
        if (COSName.DCT_DECODE.equals(codec) || COSName.DCT_DECODE_ABBREVIATION.equals(codec)) {
            long[] size = jpegSize(input);
            if (size != null && size[0] * size[1] > limits.maxImagePixels()) {
                throw tooManyPixels("a JPEG image in it", what, size[0], size[1]);
            }
        } else if (COSName.CCITTFAX_DECODE.equals(codec) || COSName.CCITTFAX_DECODE_ABBREVIATION.equals(codec)) {
            // The same arithmetic as PDFBox's CCITTFaxFilter, which allocates columns x rows bits at once.
            COSDictionary decodeParms = decodeParms(parameters, index);
            long columns = decodeParms.getInt(COSName.COLUMNS, 1728);
            long rows = decodeParms.getInt(COSName.ROWS, 0);
            long height = parameters.getInt(COSName.HEIGHT, COSName.H, 0);
            rows = rows > 0 && height > 0 ? height : Math.max(rows, height);
            if (columns * rows > limits.maxImagePixels()) {
                throw tooManyPixels("a fax image in it", what, columns, rows);
            }
        }
        // JPX and JBIG2 need ImageIO plugins this bundle does not carry: PDFBox refuses to decode them.
    }

    /** Width and height from the JPEG header alone, or null when it has none PDFBox could read either. */
    private static long[] jpegSize(Source input) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        if (!readers.hasNext()) {
            return null;
        }
        ImageReader reader = readers.next();
        try (InputStream in = input.open(); MemoryCacheImageInputStream image = new MemoryCacheImageInputStream(in)) {
            reader.setInput(image, true, true);
            return new long[] {reader.getWidth(0), reader.getHeight(0)};
        } catch (IOException | RuntimeException broken) {
            return null;
        } finally {
            reader.dispose();
        }
    }

    /** PDFBox's predictor allocates its rows before it reads a byte, from parameters alone. */
    private void checkPredictor(COSDictionary parameters, int index, String what, List<COSName> filters)
            throws PdfRefusedException {
        COSDictionary decodeParms = decodeParms(parameters, index);
        if (decodeParms.getInt(COSName.PREDICTOR) <= 1) {
            return;
        }
        long colors = Math.min(decodeParms.getInt(COSName.COLORS, 1), 32);
        long bits = decodeParms.getInt(COSName.BITS_PER_COMPONENT, 8);
        long columns = decodeParms.getInt(COSName.COLUMNS, 1);
        long rowBytes = (columns * colors * bits + 7) / 8;
        if (rowBytes > MAX_PREDICTOR_ROW_BYTES) {
            throw bomb("one of its streams declares rows of " + rowBytes + " bytes, more than "
                    + PdfLimits.bytes(MAX_PREDICTOR_ROW_BYTES) + " (" + what + ", filters " + join(filters) + ")");
        }
    }

    /** The DecodeParms of one filter, the way PDFBox's Filter.getDecodeParams picks them. */
    private static COSDictionary decodeParms(COSDictionary parameters, int index) {
        COSBase filter = parameters.getDictionaryObject(COSName.F, COSName.FILTER);
        COSBase parms = parameters.getDictionaryObject(COSName.DP, COSName.DECODE_PARMS);
        if (filter instanceof COSName && parms instanceof COSDictionary dictionary) {
            return dictionary;
        }
        if (filter instanceof COSArray && parms instanceof COSArray array && index < array.size()
                && array.getObject(index) instanceof COSDictionary dictionary) {
            return dictionary;
        }
        return new COSDictionary();
    }

    private static long rawSize(Source raw) throws IOException {
        try (InputStream in = raw.open()) {
            return in.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static Source inputOf(RandomAccess buffer) {
        return () -> {
            buffer.seek(0);
            return new RandomAccessInputStream(buffer);
        };
    }

    private ScratchFile scratch() throws IOException {
        if (scratch == null) {
            scratch = new ScratchFile(MemoryUsageSetting.setupMixed(SCRATCH_MEMORY));
        }
        return scratch;
    }

    private static String join(List<COSName> filters) {
        return String.join(" ", filters.stream().map(COSName::getName).toList());
    }

    private static void close(RandomAccess buffer) throws IOException {
        if (buffer != null) {
            buffer.close();
        }
    }

    @Override
    public void close() throws IOException {
        if (scratch != null) {
            scratch.close();
            scratch = null;
        }
    }

    /** Counts what a filter writes and stops it, by an exception it cannot mistake for data, at the limit. */
    private static final class Meter extends OutputStream {

        private final long limit;
        private final OutputStream target;
        long count;
        boolean exceeded;

        Meter(long limit, OutputStream target) {
            this.limit = limit;
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            add(1);
            target.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            add(len);
            target.write(b, off, len);
        }

        private void add(int n) throws IOException {
            count += n;
            if (count > limit) {
                exceeded = true;
                throw new IOException("decoded beyond " + limit + " bytes");
            }
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }
    }
}
