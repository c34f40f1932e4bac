package org.paperless.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A stored document: its metadata, extracted content and the names of its files relative to the
 * media folder ({@code filename} under originals/, {@code archiveFilename} under archive/).
 */
public record Document(
        Long id,
        String title,
        String content,
        Long correspondentId,
        Long documentTypeId,
        Long storagePathId,
        Set<Long> tagIds,
        LocalDate created,
        Instant modified,
        Instant added,
        String checksum,
        String archiveChecksum,
        Long archiveSerialNumber,
        String filename,
        String archiveFilename,
        String originalFilename,
        String mimeType,
        Integer pageCount,
        String owner,
        List<Note> notes,
        List<CustomFieldInstance> customFields) {

    public static final int MAX_TITLE_LENGTH = 128;

    /** The same document with its file names set. */
    public Document withFilenames(String newFilename, String newArchiveFilename) {
        return new Document(id, title, content, correspondentId, documentTypeId, storagePathId, tagIds, created,
                modified, added, checksum, archiveChecksum, archiveSerialNumber, newFilename, newArchiveFilename,
                originalFilename, mimeType, pageCount, owner, notes, customFields);
    }
    public static final long MAX_ASN = 0xFFFF_FFFFL;

    public Document {
        tagIds = tagIds == null ? Set.of() : Set.copyOf(tagIds);
        notes = notes == null ? List.of() : List.copyOf(notes);
        customFields = customFields == null ? List.of() : List.copyOf(customFields);
        content = content == null ? "" : content;
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a document needs a title");
        }
        if (title.length() > MAX_TITLE_LENGTH) {
            title = title.substring(0, MAX_TITLE_LENGTH);
        }
        if (archiveSerialNumber != null && (archiveSerialNumber < 0 || archiveSerialNumber > MAX_ASN)) {
            throw new IllegalArgumentException("archive serial number must be between 0 and " + MAX_ASN);
        }
    }
}
