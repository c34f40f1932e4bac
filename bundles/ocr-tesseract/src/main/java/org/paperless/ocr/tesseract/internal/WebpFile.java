package org.paperless.ocr.tesseract.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

import org.paperless.api.parser.ParseException;

/**
 * A WebP's RIFF header states the file's length; a shorter file was cut off in transfer. The WebP reader
 * reads the size from the first chunk and would only fail later, and Tesseract would just say it "could
 * not read the image": this says why.
 */
final class WebpFile {

    private WebpFile() {
    }

    static void checkComplete(Path file, String name) throws ParseException {
        try (FileChannel channel = FileChannel.open(file)) {
            ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            while (header.hasRemaining() && channel.read(header) >= 0) {
                // read the 12 header bytes, or what there is
            }
            if (header.position() < 12) {
                throw new ParseException("The WebP image " + name + " is truncated: it has only " + channel.size()
                        + " bytes");
            }
            long declared = 8 + Integer.toUnsignedLong(header.getInt(4));
            if (channel.size() < declared) {
                throw new ParseException("The WebP image " + name + " is truncated: its header declares "
                        + declared + " bytes, the file has " + channel.size());
            }
        } catch (IOException e) {
            throw new ParseException("Cannot read " + name + ": " + e.getMessage(), e);
        }
    }
}
