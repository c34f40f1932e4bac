package org.paperless.consumer.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.paperless.api.Document;
import org.paperless.api.consumer.ConsumeOverrides;
import org.paperless.api.matching.DocumentMatcher;
import org.paperless.api.matching.Matches;
import org.paperless.api.parser.DocumentParser;
import org.paperless.api.parser.ParseException;
import org.paperless.api.parser.ParsedDocument;
import org.paperless.api.parser.ParserRegistry;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.storage.MediaArea;
import org.paperless.api.storage.MediaStore;
import org.paperless.consumer.internal.dates.DateFinder;
import org.paperless.consumer.internal.naming.FilenameFormat;
import org.paperless.consumer.internal.naming.OriginalStems;
import org.paperless.api.naming.UniqueNames;

/** The steps from a staged file to a stored document; any refusal happens before anything is written. */
final class Pipeline {

    private final DocumentRepository documents;
    private final MediaStore media;
    private final MimeDetector mimeDetector;
    private final ParserRegistry parsers;
    private final Overrides overrides;
    private final OriginalStems stems;
    private final DateFinder dates;
    private final ConsumeScripts scripts;
    private final Journal journal;
    private final Supplier<DocumentMatcher> matcher;

    /** @param format where originals are filed; null = the zero-padded id (paperless-ngx's default) */
    Pipeline(DocumentRepository documents, MediaStore media, MimeDetector mimeDetector, ParserRegistry parsers,
            Overrides overrides, FilenameFormat format, DateFinder dates, ConsumeScripts scripts, Journal journal,
            Supplier<DocumentMatcher> matcher) {
        this.matcher = matcher;
        this.scripts = scripts;
        this.journal = journal;
        this.stems = new OriginalStems(format);
        this.dates = dates;
        this.documents = documents;
        this.media = media;
        this.mimeDetector = mimeDetector;
        this.parsers = parsers;
        this.overrides = overrides;
    }

    /**
     * A committed document whose journal entry is still open: the caller removes the source, then closes
     * the entry, then runs {@link #afterConsumption}.
     */
    record Stored(Document document, Journal.Entry journal, Map<String, String> postConsumeEnvironment) {
    }

    Stored run(Path source, Staging staging, ConsumeOverrides given) throws Refusal, IOException {
        Path staged = staging.file();
        if (Files.size(staged) == 0) {
            throw new Refusal("The file is empty (0 bytes)");
        }
        String taskId = UUID.randomUUID().toString();
        scripts.beforeConsumption(source, staged, taskId);
        // The script may have changed the working copy; without one, the bytes are those read from the source.
        String checksum = scripts.changesWorkingCopy() ? Checksums.sha256(staged) : staging.sourceChecksum();
        var duplicate = documents.findByChecksum(checksum);
        if (duplicate.isPresent()) {
            long id = duplicate.get().id();
            String where = documents.trashedAt(id).isPresent()
                    ? ", which is in the trash (paperless:trash restore " + id + " brings it back)" : "";
            throw new Refusal("It is a duplicate of document " + id + " '" + duplicate.get().title()
                    + "' (same SHA-256 checksum)" + where);
        }
        String mime = mimeDetector.detect(staged);
        DocumentParser parser = parsers.forType(mime).orElseThrow(() -> new Refusal("No parser reads " + mime
                + " files (the type was detected from the file's content). Is the parser's feature installed?"));
        ParsedDocument parsed = parse(parser, staged, mime);
        DocumentMatcher rules = matcher.get();
        Overrides.Resolved resolved = overrides.resolve(given, rules == null ? Matches.NONE : rules.match(parsed.text()));
        String name = source.getFileName().toString();
        Document document = new Document(null, title(given, name), parsed.text(), resolved.correspondentId(),
                resolved.documentTypeId(), resolved.storagePath() == null ? null : resolved.storagePath().id(), resolved.tagIds(), created(parsed, staged), null, null, checksum,
                archiveChecksum(parsed), null, null, null, name, mime, parsed.pageCount(), null, List.of(), List.of());
        try {
            Journal.Entry entry = journal.open(source, staging.sourceChecksum(), checksum);
            Document stored = store(entry, document, resolved, staged, extension(name, mime), parsed);
            return new Stored(stored, entry, postConsumeEnvironment(stored, resolved, taskId));
        } finally {
            if (parsed.archivePdf() != null) {
                Files.deleteIfExists(parsed.archivePdf());
            }
        }
    }

    /** The post-consume script, as in paperless-ngx once the source is gone. */
    void afterConsumption(Stored stored) {
        scripts.afterConsumption(stored.postConsumeEnvironment());
    }

    /** The variables paperless-ngx gives its post-consume script. */
    private Map<String, String> postConsumeEnvironment(Document d, Overrides.Resolved names, String taskId) {
        Map<String, String> env = new HashMap<>();
        env.put("DOCUMENT_ID", String.valueOf(d.id()));
        env.put("DOCUMENT_FILE_NAME", d.filename());
        env.put("DOCUMENT_CREATED", String.valueOf(d.created()));
        env.put("DOCUMENT_MODIFIED", String.valueOf(d.modified()));
        env.put("DOCUMENT_ADDED", String.valueOf(d.added()));
        env.put("DOCUMENT_SOURCE_PATH", media.resolve(MediaArea.ORIGINALS, d.filename()).toString());
        env.put("DOCUMENT_ARCHIVE_PATH", d.archiveFilename() == null ? "" : media.resolve(MediaArea.ARCHIVE, d.archiveFilename()).toString());
        env.put("DOCUMENT_THUMBNAIL_PATH", media.resolve(MediaArea.THUMBNAILS, String.format("%07d.png", d.id())).toString());
        env.put("DOCUMENT_ORIGINAL_FILENAME", d.originalFilename());
        env.put("DOCUMENT_CORRESPONDENT", names.correspondent() == null ? "" : names.correspondent());
        env.put("DOCUMENT_TAGS", String.join(",", names.tagNames()));
        env.put("DOCUMENT_OWNER", d.owner() == null ? "" : d.owner());
        env.put("TASK_ID", taskId);
        return env;
    }

    private static ParsedDocument parse(DocumentParser parser, Path staged, String mime) throws Refusal {
        try {
            return parser.parse(staged, mime);
        } catch (ParseException e) {
            throw new Refusal(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new Refusal("The " + mime + " parser failed: " + e, e);
        }
    }

    /** Files are named after the id (the default filename format); written inside the row's transaction. */
    private static String archiveChecksum(ParsedDocument parsed) throws IOException {
        return parsed.archivePdf() == null ? null : Checksums.sha256(parsed.archivePdf());
    }

    /**
     * The original, the archive copy (same name, .pdf, in archive/) and the thumbnail, all or nothing:
     * each file is noted in the journal before it is written, so even a crash leaves no stray file. After
     * the commit the entry stays open (noted as committed) until the caller has removed the source.
     */
    private Document store(Journal.Entry entry, Document document, Overrides.Resolved names, Path staged,
            String extension, ParsedDocument parsed) throws IOException {
        List<Path> written = new ArrayList<>();
        Document stored;
        try {
            stored = documents.create(document, withId -> {
                String original = originalName(withId, names, extension);
                write(entry, written, MediaArea.ORIGINALS, original, Files.newInputStream(staged));
                if (parsed.thumbnailPng() != null) {
                    write(entry, written, MediaArea.THUMBNAILS, String.format("%07d.png", withId.id()),
                            new ByteArrayInputStream(parsed.thumbnailPng()));
                }
                String archive = null;
                if (parsed.archivePdf() != null) {
                    String stem = original.substring(0, original.length() - extension.length());
                    archive = UniqueNames.firstFree(stem, ".pdf", c -> Files.exists(media.resolve(MediaArea.ARCHIVE, c)));
                    write(entry, written, MediaArea.ARCHIVE, archive, Files.newInputStream(parsed.archivePdf()));
                }
                return withId.withFilenames(original, archive);
            });
        } catch (RuntimeException | Error e) {
            Optional<Document> committed = committedDespite(document.checksum(), written, e);
            if (committed.isPresent()) {
                entry.committed();
                return committed.get();
            }
            // Nothing was committed (an Error, e.g. out of memory, included): undo the files, drop the note.
            for (Path p : written) {
                Files.deleteIfExists(p);
            }
            entry.close();
            throw e;
        }
        entry.committed();
        return stored;
    }

    /**
     * A commit can fail after the database stored the row (the connection lost during COMMIT): the database
     * decides. When it cannot answer, the files and the journal entry stay for the recovery at the next start.
     */
    private Optional<Document> committedDespite(String checksum, List<Path> written, Throwable failure) {
        try {
            // Ours only when its original is the file written here (not a duplicate that won a race).
            return documents.findByChecksum(checksum)
                    .filter(d -> written.contains(media.resolve(MediaArea.ORIGINALS, d.filename())));
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            throw new IllegalStateException("Storing the document failed and the database cannot say whether it "
                    + "was stored; its files are kept and the next start settles it: " + failure.getMessage(), failure);
        }
    }

    private void write(Journal.Entry entry, List<Path> written, MediaArea area, String name, InputStream data)
            throws IOException {
        entry.willWrite(media.resolve(area, name));
        try (InputStream in = data) {
            written.add(media.write(area, name, in));
        }
    }

    /** The filename format applied to the stored document; a taken name gets _01, _02... */
    private String originalName(Document withId, Overrides.Resolved names, String extension) {
        String stem = stems.stem(withId, names.storagePath(), names.correspondent(), names.documentType(), names.tagNames());
        return UniqueNames.firstFree(stem, extension, candidate -> Files.exists(media.resolve(MediaArea.ORIGINALS, candidate)));
    }

    private static String title(ConsumeOverrides given, String fileName) {
        if (given.title() != null && !given.title().isBlank()) {
            return given.title().strip();
        }
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** The first plausible date in the content, else the date the file records, else the day it last changed. */
    private LocalDate created(ParsedDocument parsed, Path staged) throws IOException {
        var inContent = dates.find(parsed.text());
        if (inContent.isPresent()) {
            return inContent.get();
        }
        if (parsed.metadataDate() != null) {
            return parsed.metadataDate();
        }
        Instant modified = Files.getLastModifiedTime(staged).toInstant();
        return LocalDate.ofInstant(modified, ZoneId.systemDefault());
    }

    /** The original's own extension when it has one, else the type's; always lower case. */
    private String extension(String fileName, String mime) {
        int dot = fileName.lastIndexOf('.');
        String own = dot > 0 ? fileName.substring(dot).toLowerCase(Locale.ROOT) : "";
        return own.matches("\\.[a-z0-9]{1,8}") && mime.equals(mimeFor(own)) ? own : mimeDetector.extension(mime);
    }

    private static String mimeFor(String extension) {
        return switch (extension) {
            case ".pdf" -> "application/pdf";
            case ".txt" -> "text/plain";
            case ".csv" -> "text/csv";
            case ".png" -> "image/png";
            case ".jpg", ".jpeg" -> "image/jpeg";
            case ".tif", ".tiff" -> "image/tiff";
            case ".eml" -> "message/rfc822";
            default -> "";
        };
    }
}
