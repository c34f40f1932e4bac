package org.paperless.ocr.tesseract.internal;

import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;

/**
 * Finds the reader for an image stream: the embedded WebP reader (TwelveMonkeys) first, then the JDK's
 * own. The WebP provider is asked directly, never registered with ImageIO: ImageIO's registry is global
 * to the JVM, and inside OSGi it neither sees our bundle's service files nor should keep our classes.
 */
final class ImageReaders {

    private static final ImageReaderSpi WEBP = new WebPImageReaderSpi();

    private ImageReaders() {
    }

    /** A new reader for the stream (the caller disposes of it), or empty when no reader knows the format. */
    static Optional<ImageReader> forStream(ImageInputStream in) throws IOException {
        if (WEBP.canDecodeInput(in)) { // peeks at the header and resets the stream
            return Optional.of(WEBP.createReaderInstance());
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        return readers.hasNext() ? Optional.of(readers.next()) : Optional.empty();
    }
}
