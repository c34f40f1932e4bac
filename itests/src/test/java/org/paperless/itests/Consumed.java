package org.paperless.itests;

import java.nio.file.Files;
import java.nio.file.Path;

import org.paperless.api.storage.DataFolders;

/** Files handed to paperless:consume from outside the watched consume folder, and what became of them. */
final class Consumed {

    private Consumed() {
    }

    /** A copy of a fixture under the data folder's incoming/, which the consume folder's watcher leaves alone. */
    static Path incoming(DataFolders folders, Path fixtures, String fixture, String name) throws Exception {
        Path target = Files.createDirectories(folders.data().resolve("incoming")).resolve(name);
        Files.copy(fixtures.resolve(fixture), target);
        return target;
    }

    /** The reason kept beside a refused file in failed/. */
    static String reason(DataFolders folders, Path source) throws Exception {
        return Files.readString(folders.consumption().resolve("failed/" + source.getFileName() + ".reason.txt"));
    }

    /** The document id in paperless:consume's output. */
    static long idIn(String output) {
        return Long.parseLong(output.replaceAll("(?s).*: document (\\d+).*", "$1"));
    }
}
