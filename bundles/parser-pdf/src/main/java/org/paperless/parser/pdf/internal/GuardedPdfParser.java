package org.paperless.parser.pdf.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * PDFBox's parser with the inflation guard at the two places where PDFBox decodes streams while it loads
 * a file, before any sweep could see them: cross-reference streams and object streams.
 */
final class GuardedPdfParser extends PDFParser {

    private final InflationGuard guard;

    private GuardedPdfParser(RandomAccessRead source, StreamCacheCreateFunction cache, InflationGuard guard)
            throws IOException {
        // Empty password: opens files that only carry an owner password (restrictions), fails for the rest.
        super(source, "", null, null, cache);
        this.guard = guard;
    }

    /** What {@code Loader.loadPDF(file, "", cache)} does, with the guard in place. */
    static PDDocument load(Path file, StreamCacheCreateFunction cache, InflationGuard guard) throws IOException {
        RandomAccessRead source = new RandomAccessReadBufferedFile(file.toFile());
        try {
            return new GuardedPdfParser(source, cache, guard).parse();
        } catch (IOException | RuntimeException | StackOverflowError e) {
            IOUtils.closeQuietly(source);
            guard.throwIfRefused(); // the lenient parser turns a refusal into "missing object": say why
            throw e;
        }
    }

    @Override
    protected COSStream parseCOSStream(COSDictionary dictionary) throws IOException {
        COSStream stream = super.parseCOSStream(dictionary);
        if (COSName.XREF.equals(stream.getCOSName(COSName.TYPE))) { // never encrypted, decoded right away
            guard.check(stream, "its cross-reference stream");
        }
        return stream;
    }

    @Override
    protected COSBase parseObjectStreamObject(long objectStream, COSObjectKey key) throws IOException {
        if (parseObjectDynamically(new COSObjectKey(objectStream, 0), false) instanceof COSStream stream) {
            guard.check(stream, "object stream " + objectStream + " 0");
        }
        return super.parseObjectStreamObject(objectStream, key);
    }
}
