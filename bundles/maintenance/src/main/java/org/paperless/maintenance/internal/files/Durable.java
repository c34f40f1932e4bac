package org.paperless.maintenance.internal.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Makes a new name in a folder survive a power cut, where the OS lets a folder be opened. */
final class Durable {

    private Durable() {
    }

    static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // the file is on disk; only its name could be lost in a power cut
        }
    }
}
