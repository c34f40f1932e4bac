package org.paperless.index.lucene.internal;

import java.io.IOException;
import java.time.LocalDate;

import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;

/**
 * What a result shows of a document, read from its stored fields in one pass: the content comes along for
 * the snippet, so the highlighter need not decompress the same block again.
 */
final class StoredHit extends StoredFieldVisitor {

    private long id;
    private String title;
    private String correspondent;
    private String created;
    private String content;

    static StoredHit read(StoredFields fields, int doc) throws IOException {
        StoredHit hit = new StoredHit();
        fields.document(doc, hit);
        return hit;
    }

    @Override
    public Status needsField(FieldInfo field) {
        return switch (field.name) {
            case Fields.ID, Fields.TITLE, Fields.CORRESPONDENT, Fields.CREATED, Fields.CONTENT -> Status.YES;
            default -> Status.NO;
        };
    }

    @Override
    public void longField(FieldInfo field, long value) {
        if (Fields.ID.equals(field.name)) {
            id = value;
        }
    }

    @Override
    public void stringField(FieldInfo field, String value) {
        switch (field.name) {
            case Fields.TITLE -> title = value;
            case Fields.CORRESPONDENT -> correspondent = value;
            case Fields.CREATED -> created = value;
            case Fields.CONTENT -> content = value;
            default -> {
                // not asked for
            }
        }
    }

    long id() {
        return id;
    }

    String title() {
        return title;
    }

    String correspondent() {
        return correspondent;
    }

    LocalDate created() {
        return created == null ? null : LocalDate.parse(created);
    }

    /** Null when the document has no stored content. */
    String content() {
        return content;
    }
}
