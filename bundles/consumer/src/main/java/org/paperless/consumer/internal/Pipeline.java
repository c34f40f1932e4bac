package org.paperless.consumer.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.paperless.api.Document;
import org.paperless.api.consumer.ConsumeOverrides;
import org.paperless.api.matching.DocumentMatcher;
import org.paperless.api.matching.Matches;
import org.paperless.api.parser.ParsedDocument;
import org.paperless.api.parser.ParserRegistry;
import org.paperless.api.runtime.AwaitedService;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.storage.MediaArea;
import org.paperless.api.storage.MediaStore;
import org.paperless.api.storage.WebpEncoder;
import org.paperless.consumer.internal.dates.DateFinder;
import org.paperless.consumer.internal.naming.FilenameFormat;
import org.paperless.consumer.internal.naming.OriginalStems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps from a staged file to a stored document, in two parts: {@link #parse} reads the file (files
 * are read side by side) and refuses it before anything is written; {@link #store} writes it, one
 * document at a time, in the file's turn.
 */
final class Pipeline {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final MediaStore media;
    private final MimeDetector mimeDetector;
    private final Overrides overrides;
    private final DateFinder dates;
    private final ConsumeScripts scripts;
    private final AwaitedService<DocumentMatcher> matcher;
    private final Supplier<Duration> waitLimit;
    private final ParseStep parsing;
    private final Duplicates duplicates;
    private final StoreStep storing;

    /** @param format where originals are filed; null = the zero-padded id (paperless-ngx's default) */
    Pipeline(DocumentRepository documents, MediaStore media, MimeDetector mimeDetector, ParserRegistry parsers,
            Overrides overrides, FilenameFormat format, DateFinder dates, ConsumeScripts scripts, Journal journal,
            AwaitedService<DocumentMatcher> matcher, Supplier<Duration> waitLimit, Supplier<WebpEncoder> webp) {
        this.matcher = matcher;
        this.waitLimit = waitLimit;
        this.parsing = new ParseStep(parsers, waitLimit);
        this.scripts = scripts;
        this.dates = dates;
        this.media = media;
        this.mimeDetector = mimeDetector;
        this.overrides = overrides;
        this.duplicates = new Duplicates(documents);
        this.storing = new StoreStep(documents, media, new OriginalStems(format), journal, webp);
    }

    /**
     * A file read and matched, nothing written yet: the row to be, and the parser's output (its archive
     * copy a temporary file, removed on close).
     */
    record Parsed(Path source, String sourceChecksum, String checksum, Path staged, Document document,
            Overrides.Resolved names, String extension, ParsedDocument content, String taskId) implements AutoCloseable {
        /** Never fails a consumption: the document may be stored by now. */
        @Override
        public void close() {
            deleteArchive(content);
        }
    }

    /**
     * A committed document whose journal entry is still open: the caller notes the commit in it, removes the
     * source, then closes the entry, then runs {@link #afterConsumption}.
     */
    record Stored(Document document, Journal.Entry journal, Map<String, String> postConsumeEnvironment) {
    }

    /** @throws InterruptedException when the consumer stops while the file waits for a service it needs */
    Parsed parse(Path source, Staging staging, ConsumeOverrides given) throws Refusal, IOException, InterruptedException {
        Path staged = staging.file();
        if (Files.size(staged) == 0) {
            throw new Refusal("The file is empty (0 bytes)");
        }
        String taskId = UUID.randomUUID().toString();
        scripts.beforeConsumption(source, staged, taskId);
        // The script may have changed the working copy; without one, the bytes are those read from the source.
        String checksum = scripts.changesWorkingCopy() ? Checksums.sha256(staged) : staging.sourceChecksum();
        // Early, so a duplicate is not parsed; the store step checks again.
        duplicates.refuseStored(checksum);
        String mime = mimeDetector.detect(staged);
        ParsedDocument content = parsing.parse(staged, mime);
        try {
            DocumentMatcher rules = rules();
            Overrides.Resolved resolved = overrides.resolve(given, rules == null ? Matches.NONE : rules.match(content.text()));
            String name = source.getFileName().toString();
            Document document = new Document(null, title(given, name), content.text(), resolved.correspondentId(),
                    resolved.documentTypeId(), resolved.storagePath() == null ? null : resolved.storagePath().id(),
                    resolved.tagIds(), created(content, staged), null, null, checksum, archiveChecksum(content), null,
                    null, null, name, mime, content.pageCount(), null, List.of(), List.of());
            return new Parsed(source, staging.sourceChecksum(), checksum, staged, document, resolved,
                    extension(name, mime), content, taskId);
        } catch (Refusal | IOException | RuntimeException | Error e) {
            deleteArchive(content);
            throw e;
        }
    }

    private static void deleteArchive(ParsedDocument content) {
        if (content.archivePdf() != null) {
            try {
                Files.deleteIfExists(content.archivePdf());
            } catch (IOException e) {
                LOG.warn("Could not remove the temporary archive copy {}: {}", content.archivePdf(), e.toString());
            }
        }
    }

    /**
     * In the file's turn: files and row; refused when a document with the same checksum was stored meanwhile.
     *
     * @param numbered called once the document has its id (the next file's turn may come then)
     */
    Stored store(Parsed parsed, Runnable numbered) throws Refusal, IOException {
        StoreStep.Committed committed = storing.store(parsed, numbered);
        return new Stored(committed.document(), committed.journal(),
                postConsumeEnvironment(committed.document(), parsed.names(), parsed.taskId()));
    }

    /** The post-consume script, as in paperless-ngx once the source is gone. */
    void afterConsumption(Stored stored) {
        scripts.afterConsumption(stored.postConsumeEnvironment());
    }

    /** The document's thumbnail: WebP as made now, PNG where no WebP encoder ran. */
    private Path thumbnailPath(long id) {
        Path webp = media.resolve(MediaArea.THUMBNAILS, String.format("%07d.webp", id));
        return Files.exists(webp) ? webp : media.resolve(MediaArea.THUMBNAILS, String.format("%07d.png", id));
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
        env.put("DOCUMENT_THUMBNAIL_PATH", thumbnailPath(d.id()).toString());
        env.put("DOCUMENT_ORIGINAL_FILENAME", d.originalFilename());
        env.put("DOCUMENT_CORRESPONDENT", names.correspondent() == null ? "" : names.correspondent());
        env.put("DOCUMENT_TAGS", String.join(",", names.tagNames()));
        env.put("DOCUMENT_OWNER", d.owner() == null ? "" : d.owner());
        env.put("TASK_ID", taskId);
        return env;
    }

    /** The matching rules; while the matching bundle restarts, waits for it (bounded). Null when it is not installed. */
    private DocumentMatcher rules() throws Refusal, InterruptedException {
        Duration limit = waitLimit.get();
        DocumentMatcher rules = matcher.await(limit);
        if (rules == null && matcher.isAway()) {
            throw new Refusal(matcher.absence() + " within " + limit.toSeconds() + " s: the document would miss its"
                    + " correspondent, type and tags. Start it again, then put the file into the consume folder again");
        }
        return rules;
    }

    private static String archiveChecksum(ParsedDocument parsed) throws IOException {
        return parsed.archivePdf() == null ? null : Checksums.sha256(parsed.archivePdf());
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
        if (!own.matches("\\.[a-z0-9]{1,8}")) {
            return mimeDetector.extension(mime);
        }
        if (mime.equals(mimeFor(own))) {
            return own;
        }
        String usual = mimeDetector.extension(mime);
        // A type without an extension of its own (an office file is "x-tika-ooxml"): the file's own, unless
        // that names another type we know (a .docx called .pdf stays .bin rather than pretend to be a PDF).
        return ".bin".equals(usual) && mimeFor(own).isEmpty() ? own : usual;
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
