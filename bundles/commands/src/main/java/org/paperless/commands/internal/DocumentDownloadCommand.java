package org.paperless.commands.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.paperless.api.Document;
import org.paperless.api.storage.MediaArea;
import org.paperless.api.storage.MediaStore;

/** Copies a document's original or archive copy out of the media folder; a file already there is never replaced. */
@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "document-download", description = "Copy a document's original (or with --archive "
        + "its archive copy) to a file or into a folder, under the original file name; never overwrites")
public class DocumentDownloadCommand extends DocumentAction {

    @Argument(index = 0, name = "id", description = "Document id", required = true)
    @Completion(DocumentCompleter.class)
    long id;

    @Argument(index = 1, name = "target", description = "A new file, or an existing folder", required = true)
    @Completion(FileCompleter.class)
    String target;

    @Option(name = "--archive", description = "The searchable PDF/A archive copy instead of the original")
    boolean archive;

    @Reference(optional = true)
    MediaStore media;

    @Override
    public Object execute() throws IOException {
        Document d = documents().get(id);
        String stored = archive ? d.archiveFilename() : d.filename();
        if (stored == null || stored.isBlank()) {
            throw new IllegalArgumentException("Document " + id + " has no " + (archive ? "archive copy" : "original file"));
        }
        Path source = Capabilities.storage(media).resolve(archive ? MediaArea.ARCHIVE : MediaArea.ORIGINALS, stored);
        if (!Files.isRegularFile(source)) {
            throw new IllegalStateException("The " + (archive ? "archive copy" : "original") + " of document " + id
                    + " is missing: " + source + " (paperless:sanity reports such damage)");
        }
        Path to = destination(d, stored);
        copy(source, to);
        System.out.println("Copied document " + id + " '" + d.title() + "' to " + to + " (" + Files.size(to) + " bytes)");
        return null;
    }

    private Path destination(Document d, String stored) {
        Path given = Path.of(target).toAbsolutePath().normalize();
        if (Files.isDirectory(given)) {
            return given.resolve(fileName(d, stored));
        }
        if (given.getParent() == null || !Files.isDirectory(given.getParent())) {
            throw new IllegalArgumentException("The folder " + given.getParent() + " does not exist");
        }
        return given;
    }

    /** The name the document came with (only its last part); an archive copy is a PDF. */
    private String fileName(Document d, String stored) {
        String original = d.originalFilename() == null || d.originalFilename().isBlank() ? stored : d.originalFilename();
        String name = Path.of(original.replace('\\', '/')).getFileName().toString();
        if (!archive) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + ".pdf";
    }

    /** Without REPLACE_EXISTING the copy creates the file exclusively: it never lands on an existing one. */
    private static void copy(Path source, Path to) throws IOException {
        try {
            Files.copy(source, to);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException(to + " already exists; it is left as it is. Give another name or folder.");
        } catch (IOException e) {
            Files.deleteIfExists(to);
            throw new IOException("Could not copy to " + to + ": " + e.getMessage(), e);
        }
    }
}
