package org.paperless.backup.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An import copies the export's files into the media folder: they must fit, with room to spare. */
final class FreeSpace {

    static final long MARGIN = 256L * 1024 * 1024;

    private FreeSpace() {
    }

    /** @throws IOException saying how much is free and needed, before anything is written */
    static void check(long exportBytes, Path media) throws IOException {
        long needed = exportBytes + exportBytes / 20 + MARGIN;
        long usable = Files.getFileStore(media).getUsableSpace();
        if (usable < needed) {
            throw new IOException("Nothing was imported: the export holds " + mib(exportBytes) + " MiB, the media "
                    + "folder " + media + " has " + mib(usable) + " MiB free and the import needs " + mib(needed)
                    + " MiB (5% and " + mib(MARGIN) + " MiB to spare). Free some space or move the media folder");
        }
    }

    private static long mib(long bytes) {
        return bytes / (1024 * 1024);
    }
}
