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

import org.paperless.api.Document;
import org.paperless.api.consumer.ConsumeOverrides;
import org.paperless.api.parser.DocumentParser;
import org.paperless.api.parser.ParseException;
import org.paperless.api.parser.ParsedDocument;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.storage.MediaArea;
import org.paperless.api.storage.MediaStore;

/** The steps from a staged file to a stored document; any refusal happens before anything is written. */
final class Pipeline {

    private final DocumentRepository documents;
    private final MediaStore media;
    private final MimeDetector mimeDetector;
    private final ParserRegistry parsers;
    private final Overrides overrides;

    Pipeline(DocumentRepository documents, MediaStore media, MimeDetector mimeDetector, ParserRegistry parsers,
            Overrides overrides) {
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
        return store(document, staged, extension(name, mime), parsed.thumbnailPng());
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
    private Document store(Document document, Path staged, String extension, byte[] thumbnail) throws IOException {
        List<Path> written = new ArrayList<>();
        try {
            return documents.create(document, withId -> {
                String stem = String.format("%07d", withId.id());
                try (InputStream in = Files.newInputStream(staged)) {
                    written.add(media.write(MediaArea.ORIGINALS, stem + extension, in));
                }
                if (thumbnail != null) {
                    written.add(media.write(MediaArea.THUMBNAILS, stem + ".png", new ByteArrayInputStream(thumbnail)));
                }
                return withId.withFilenames(stem + extension, null);
            });
        } catch (RuntimeException e) {
            for (Path p : written) {
                Files.deleteIfExists(p);
            }
            throw e;
        }
    }

    private static String title(ConsumeOverrides given, String fileName) {
        if (given.title() != null && !given.title().isBlank()) {
            return given.title().strip();
        }
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** The date the file records, else the day it was last changed (dates in the content come later). */
    private static LocalDate created(ParsedDocument parsed, Path staged) throws IOException {
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
