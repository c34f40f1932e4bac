package org.paperless.storage.internal.jpa;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.paperless.api.CustomFieldInstance;
import org.paperless.api.Document;
import org.paperless.api.Note;
import org.paperless.storage.internal.entity.CustomFieldInstanceEntity;
import org.paperless.storage.internal.entity.DocumentEntity;
import org.paperless.storage.internal.entity.NoteEntity;

/**
 * Records to rows and back. Instants are stored as UTC timestamps to the millisecond: OpenJPA's
 * default date precision (changing it would mean setting a DBDictionary, which breaks the other database).
 */
final class DocumentMapper {

    private DocumentMapper() {
    }

    static DocumentEntity toEntity(Document d, Instant now) {
        DocumentEntity e = new DocumentEntity();
        e.setTitle(d.title());
        e.setContent(d.content());
        e.setCorrespondentId(d.correspondentId());
        e.setDocumentTypeId(d.documentTypeId());
        e.setStoragePathId(d.storagePathId());
        e.setTagIds(d.tagIds());
        e.setCreated(d.created());
        Instant added = d.added() == null ? now : d.added();
        e.setAdded(utc(added));
        e.setModified(utc(d.modified() == null ? added : d.modified()));
        e.setChecksum(d.checksum());
        e.setArchiveChecksum(d.archiveChecksum());
        e.setArchiveSerialNumber(d.archiveSerialNumber());
        e.setFilename(d.filename());
        e.setArchiveFilename(d.archiveFilename());
        e.setOriginalFilename(d.originalFilename());
        e.setMimeType(d.mimeType());
        e.setPageCount(d.pageCount());
        e.setOwner(d.owner());
        return e;
    }

    static Document toRecord(DocumentEntity e, List<Note> notes, List<CustomFieldInstance> fields) {
        return new Document(e.getId(), e.getTitle(), e.getContent(), e.getCorrespondentId(), e.getDocumentTypeId(),
                e.getStoragePathId(), e.getTagIds(), e.getCreated(), instant(e.getModified()), instant(e.getAdded()),
                e.getChecksum(), e.getArchiveChecksum(), e.getArchiveSerialNumber(), e.getFilename(),
                e.getArchiveFilename(), e.getOriginalFilename(), e.getMimeType(), e.getPageCount(), e.getOwner(),
                notes, fields);
    }

    static NoteEntity toEntity(Note note, long documentId, Instant now) {
        NoteEntity e = new NoteEntity();
        e.setDocumentId(documentId);
        e.setText(note.text());
        e.setCreated(utc(note.created() == null ? now : note.created()));
        e.setUserName(note.user());
        return e;
    }

    static Note toRecord(NoteEntity e) {
        return new Note(e.getId(), e.getDocumentId(), e.getText(), instant(e.getCreated()), e.getUserName());
    }

    static CustomFieldInstanceEntity toEntity(CustomFieldInstance field, long documentId) {
        CustomFieldInstanceEntity e = new CustomFieldInstanceEntity();
        e.setDocumentId(documentId);
        e.setFieldId(field.fieldId());
        e.setValue(field.value());
        return e;
    }

    static CustomFieldInstance toRecord(CustomFieldInstanceEntity e) {
        return new CustomFieldInstance(e.getId(), e.getDocumentId(), e.getFieldId(), e.getValue());
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
