package org.paperless.plugins.parser.office;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What a conversion may leave behind: LibreOffice processes, job folders (both named paperless-office-...), sockets. */
final class Leftovers {

    static final String JOB_PREFIX = "paperless-office-";

    private final Set<Path> foldersBefore;
    private final Set<Path> socketsBefore;

    private Leftovers() throws IOException {
        foldersBefore = jobFolders();
        socketsBefore = sockets();
    }

    static Leftovers snapshot() throws IOException {
        return new Leftovers();
    }

    /** No LibreOffice of a job still runs, and no job folder made since the snapshot is left. */
    void assertNone() throws IOException {
        List<String> processes = ProcessTree.running(tempDir().resolve(JOB_PREFIX).toString()).stream()
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
        assertEquals(List.of(), processes, "LibreOffice processes left running");
        Set<Path> folders = jobFolders();
        folders.removeAll(foldersBefore);
        assertEquals(Set.of(), folders, "job folders left behind");
        Set<Path> sockets = sockets();
        sockets.removeAll(socketsBefore);
        assertEquals(Set.of(), sockets, "LibreOffice sockets left in /tmp");
    }

    private static Set<Path> sockets() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("/tmp"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("OSL_PIPE_")).collect(Collectors.toSet());
        }
    }

    private static Set<Path> jobFolders() throws IOException {
        try (Stream<Path> files = Files.list(tempDir())) {
            return files.filter(f -> f.getFileName().toString().startsWith(JOB_PREFIX) && Files.isDirectory(f))
                    .collect(Collectors.toSet());
        }
    }

    private static Path tempDir() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }
}
