package org.paperless.maintenance.internal.sanity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.paperless.api.Document;
import org.paperless.api.maintenance.SanityMessage;
import org.paperless.api.maintenance.SanityMessage.Level;

/**
 * Checks one document's files against what the database says about them, with paperless-ngx's wording.
 * Safe to run for many documents at once: it keeps no state between calls.
 */
final class DocumentCheck {

    private final MediaLayout media;

    DocumentCheck(MediaLayout media) {
        this.media = media;
    }

    Findings check(Document d) {
        Run run = new Run(d.id());
        thumbnail(d, run);
        original(d, run);
        archive(d, run);
        if (d.content().isEmpty()) {
            run.add(Level.INFO, "Document contains no OCR data");
        }
        return new Findings(run.messages, run.filesRead, run.referenced);
    }

    private void thumbnail(Document d, Run run) {
        Path file = media.thumbnail(d);
        if (!Files.isRegularFile(file)) {
            run.error("Thumbnail of document does not exist.");
            return;
        }
        run.referenced.add(file);
        try {
            FileReads.readThrough(file);
            run.filesRead++;
        } catch (IOException e) {
            run.error("Cannot read thumbnail file of document: " + FileReads.describe(e, file));
        }
    }

    private void original(Document d, Run run) {
        Path file;
        try {
            file = media.original(d);
        } catch (IllegalArgumentException e) {
            run.error("Cannot read original file of document: " + e.getMessage());
            return;
        }
        if (!Files.isRegularFile(file)) {
            run.error("Original of document does not exist.");
            return;
        }
        run.referenced.add(file);
        String actual = hash(file, "Cannot read original file of document: ", run);
        if (actual != null && !actual.equalsIgnoreCase(String.valueOf(d.checksum()))) {
            run.error("Checksum mismatch. Stored: " + d.checksum() + ", actual: " + actual + ".");
        }
    }

    private void archive(Document d, Run run) {
        boolean hasChecksum = present(d.archiveChecksum());
        boolean hasName = present(d.archiveFilename());
        if (hasChecksum && !hasName) {
            run.error("Document has an archive file checksum, but no archive filename.");
            return;
        }
        if (!hasChecksum && hasName) {
            run.error("Document has an archive file, but its checksum is missing.");
            referenceIfPresent(d, run); // named by the document: not an orphan as well
            return;
        }
        if (!hasName) {
            return;
        }
        Path file;
        try {
            file = media.archive(d);
        } catch (IllegalArgumentException e) {
            run.error("Cannot read archive file of document: " + e.getMessage());
            return;
        }
        if (!Files.isRegularFile(file)) {
            run.error("Archived version of document does not exist.");
            return;
        }
        run.referenced.add(file);
        String actual = hash(file, "Cannot read archive file of document: ", run);
        if (actual != null && !actual.equalsIgnoreCase(d.archiveChecksum())) {
            run.error("Checksum mismatch of archived document. Stored: " + d.archiveChecksum() + ", actual: "
                    + actual + ".");
        }
    }

    private void referenceIfPresent(Document d, Run run) {
        try {
            Path file = media.archive(d);
            if (Files.isRegularFile(file)) {
                run.referenced.add(file);
            }
        } catch (IllegalArgumentException e) {
            // a name outside the archive folder names no file there
        }
    }

    /** The file's checksum, or null after noting why it could not be read. */
    private static String hash(Path file, String unreadable, Run run) {
        try {
            String checksum = FileReads.sha256(file);
            run.filesRead++;
            return checksum;
        } catch (IOException e) {
            run.error(unreadable + FileReads.describe(e, file));
            return null;
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** The findings of one document while it is checked. */
    private static final class Run {
        final Long id;
        final List<SanityMessage> messages = new ArrayList<>();
        final List<Path> referenced = new ArrayList<>(3);
        int filesRead;

        Run(Long id) {
            this.id = id;
        }

        void error(String message) {
            add(Level.ERROR, message);
        }

        void add(Level level, String message) {
            messages.add(new SanityMessage(id, level, message));
        }
    }
}
