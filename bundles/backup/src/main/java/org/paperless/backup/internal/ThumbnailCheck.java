package org.paperless.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * paperless-ngx keeps no checksum of a thumbnail, so a thumbnail an export names without one is taken
 * only when it is what a thumbnail is: a PNG or WebP image of modest size. Whatever else a crafted
 * export might try to pass off as a thumbnail (a hard link to a file of this server, say) is refused.
 */
final class ThumbnailCheck {

    /** paperless-ngx's thumbnails are a few dozen KiB; ours too. */
    static final int MAX_BYTES = 16 * 1024 * 1024;
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
    private static final byte[] WEBP = {'W', 'E', 'B', 'P'};

    private ThumbnailCheck() {
    }

    /** Reads at most one byte more than allowed; the reason it is no thumbnail, or null when it is one. */
    static String problem(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            return "larger than " + MAX_BYTES / (1024 * 1024) + " MiB";
        }
        return isImage(bytes) ? null : "neither a PNG nor a WebP image";
    }

    static boolean isImage(byte[] bytes) {
        return startsWith(bytes, 0, PNG) || startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP);
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        return bytes.length >= at + prefix.length && Arrays.equals(bytes, at, at + prefix.length, prefix, 0, prefix.length);
    }
}
