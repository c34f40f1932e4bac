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
import java.util.UUID;

import org.paperless.api.Document;
import org.paperless.api.consumer.ConsumeOverrides;
import org.paperless.api.parser.DocumentParser;
import org.paperless.api.parser.ParseException;
import org.paperless.api.parser.ParsedDocument;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.storage.MediaArea;
import org.paperless.api.storage.MediaStore;
import org.paperless.consumer.internal.dates.DateFinder;
import org.paperless.consumer.internal.naming.FilenameFormat;
import org.paperless.consumer.internal.naming.NamingContext;
import org.paperless.consumer.internal.naming.UniqueNames;

/** The steps from a staged file to a stored document; any refusal happens before anything is written. */
final class Pipeline {

    private final DocumentRepository documents;
    private final MediaStore media;
    private final MimeDetector mimeDetector;
    private final ParserRegistry parsers;
    private final Overrides overrides;
    private final FilenameFormat format;
    private final DateFinder dates;
    private final ConsumeScripts scripts;

    /** @param format where originals are filed; null = the zero-padded id (paperless-ngx's default) */
    Pipeline(DocumentRepository documents, MediaStore media, MimeDetector mimeDetector, ParserRegistry parsers,
            Overrides overrides, FilenameFormat format, DateFinder dates, ConsumeScripts scripts) {
        this.scripts = scripts;
        this.format = format;
        this.dates = dates;
        this.documents = documents;
        this.media = media;
        this.mimeDetector = mimeDetector;
        this.parsers = parsers;
        this.overrides = overrides;
    }

    Document run(Path source, Path staged, ConsumeOverrides given) throws Refusal, IOException {
        if (Files.size(staged) == 0) {
            throw new Refusal("The file is empty (0 bytes)");
        }
        String taskId = UUID.randomUUID().toString();
        scripts.beforeConsumption(source, staged, taskId);
        String checksum = Checksums.sha256(staged);
        var duplicate = documents.findByChecksum(checksum);
        if (duplicate.isPresent()) {
            throw new Refusal("It is a duplicate of document " + duplicate.get().id() + " '" + duplicate.get().title()
                    + "' (same SHA-256 checksum)");
        }
        String mime = mimeDetector.detect(staged);
        DocumentParser parser = parsers.forType(mime).orElseThrow(() -> new Refusal("No parser reads " + mime
                + " files (the type was detected from the file's content). Is the parser's feature installed?"));
        ParsedDocument parsed = parse(parser, staged, mime);
        Overrides.Resolved resolved = overrides.resolve(given);
        String name = source.getFileName().toString();
        Document document = new Document(null, title(given, name), parsed.text(), resolved.correspondentId(),
                resolved.documentTypeId(), null, resolved.tagIds(), created(parsed, staged), null, null, checksum, null,
                null, null, null, name, mime, parsed.pageCount(), null, List.of(), List.of());
        Document stored = store(document, resolved, staged, extension(name, mime), parsed.thumbnailPng());
        scripts.afterConsumption(postConsumeEnvironment(stored, resolved, taskId));
        return stored;
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
    private Document store(Document document, Overrides.Resolved names, Path staged, String extension, byte[] thumbnail)
            throws IOException {
        List<Path> written = new ArrayList<>();
        try {
            return documents.create(document, withId -> {
                String original = originalName(withId, names, extension);
                try (InputStream in = Files.newInputStream(staged)) {
                    written.add(media.write(MediaArea.ORIGINALS, original, in));
                }
                if (thumbnail != null) {
                    String thumb = String.format("%07d.png", withId.id());
                    written.add(media.write(MediaArea.THUMBNAILS, thumb, new ByteArrayInputStream(thumbnail)));
                }
                return withId.withFilenames(original, null);
            });
        } catch (RuntimeException e) {
            for (Path p : written) {
                Files.deleteIfExists(p);
            }
            throw e;
        }
    }

    /** The filename format applied to the stored document; a taken name gets _01, _02... */
    private String originalName(Document withId, Overrides.Resolved names, String extension) {
        String stem = format == null ? String.format("%07d", withId.id())
                : format.render(new NamingContext(withId, names.correspondent(), names.documentType(), names.tagNames(),
                        withId.owner(), Map.of()));
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
