package org.paperless.backup.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files an import put into the media folder, written down before each file is, so that an import
 * killed before its commit can be undone: its files are removed the next time the importer starts or
 * runs. The database decides whether the commit happened: an import goes only into an instance without
 * documents, so documents present mean the transaction committed and the files belong to them.
 */
final class ImportJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ImportJournal.class);

    private final Path file;
    private final BufferedWriter out;

    private ImportJournal(Path file) throws IOException {
        this.file = file;
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
    }

    static ImportJournal start(Path file) throws IOException {
        return new ImportJournal(file);
    }

    /** Notes a file before it is written: a killed import never leaves a file the journal does not name. */
    void add(Path written) throws IOException {
        out.write(written.toString());
        out.newLine();
        out.flush();
    }

    /** The import committed: its files stay. */
    void committed() throws IOException {
        out.close();
        Files.deleteIfExists(file);
    }

    /** The import failed: its files go. */
    void rolledBack() throws IOException {
        out.close();
        removeListed(file);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /**
     * What an import left behind when it was killed: with no documents in the database its files are
     * removed, otherwise it had committed and only the journal goes.
     */
    static void recover(Path file, boolean databaseHasDocuments) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        if (databaseHasDocuments) {
            LOG.info("An import was interrupted after its commit: its documents are complete");
            Files.delete(file);
            return;
        }
        int removed = removeListed(file);
        LOG.warn("An interrupted import was undone: {} of its files removed, the database holds none of it", removed);
    }

    private static int removeListed(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int removed = 0;
        for (String line : lines) {
            if (!line.isBlank() && Files.deleteIfExists(Path.of(line))) {
                removed++;
            }
        }
        Files.delete(file);
        return removed;
    }
}
