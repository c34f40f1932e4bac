package org.paperless.index.lucene.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Collectors;

import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.paperless.api.CustomFieldInstance;
import org.paperless.api.Document;
import org.paperless.api.Note;

/** A stored document as Lucene sees it; see {@link Fields}. */
final class IndexDocuments {

    /** Words for autocomplete: which documents have them is all that counts. */
    private static final FieldType WORDS_TYPE = new FieldType();

    static {
        WORDS_TYPE.setIndexOptions(IndexOptions.DOCS);
        WORDS_TYPE.setTokenized(true);
        WORDS_TYPE.setOmitNorms(true);
        WORDS_TYPE.freeze();
    }

    /** The content with the offsets of its words in the postings: snippets need not analyse it again. */
    private static final FieldType CONTENT_TYPE = new FieldType(TextField.TYPE_STORED);

    static {
        CONTENT_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        CONTENT_TYPE.freeze();
    }

    /**
     * The content's word pairs: frequencies for scoring a two-word phrase, positions for longer ones; nothing
     * stored, no offsets (snippets mark the words in the content itself).
     */
    private static final FieldType PAIRS_TYPE = new FieldType();

    static {
        PAIRS_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        PAIRS_TYPE.setTokenized(true);
        PAIRS_TYPE.freeze();
    }

    private IndexDocuments() {
    }

    static Term key(long id) {
        return new Term(Fields.ID_KEY, Long.toString(id));
    }

    static org.apache.lucene.document.Document toLucene(Document d, Names names, ZoneId zone) {
        org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
        doc.add(new StringField(Fields.ID_KEY, Long.toString(d.id()), Field.Store.NO));
        number(doc, Fields.ID, d.id(), true);
        doc.add(new NumericDocValuesField(Fields.ID, d.id()));
        doc.add(new TextField(Fields.TITLE, d.title(), Field.Store.YES));
        doc.add(new Field(Fields.CONTENT, d.content(), CONTENT_TYPE));
        doc.add(new Field(Fields.CONTENT_PAIRS, d.content(), PAIRS_TYPE));
        doc.add(new Field(Fields.WORDS, d.title() + "\n" + d.content(), WORDS_TYPE));
        text(doc, Fields.CORRESPONDENT, names.correspondent(d.correspondentId()), true);
        number(doc, Fields.CORRESPONDENT_ID, d.correspondentId(), false);
        text(doc, Fields.TYPE, names.type(d.documentTypeId()), false);
        number(doc, Fields.TYPE_ID, d.documentTypeId(), false);
        text(doc, Fields.PATH, names.path(d.storagePathId()), false);
        number(doc, Fields.PATH_ID, d.storagePathId(), false);
        for (Long tag : d.tagIds()) {
            text(doc, Fields.TAG, names.tag(tag), false);
            number(doc, Fields.TAG_ID, tag, false);
        }
        text(doc, Fields.NOTES, d.notes().stream().map(Note::text).collect(Collectors.joining("\n")), false);
        text(doc, Fields.CUSTOM_FIELDS,
                d.customFields().stream().map(CustomFieldInstance::value).collect(Collectors.joining("\n")), false);
        number(doc, Fields.ASN, d.archiveSerialNumber(), false);
        text(doc, Fields.ORIGINAL_FILENAME, d.originalFilename(), false);
        keyword(doc, Fields.CHECKSUM, d.checksum());
        keyword(doc, Fields.CHECKSUM, d.archiveChecksum());
        keyword(doc, Fields.OWNER, d.owner());
        number(doc, Fields.PAGE_COUNT, d.pageCount() == null ? null : d.pageCount().longValue(), false);
        if (d.created() != null) {
            doc.add(new LongPoint(Fields.CREATED, d.created().toEpochDay()));
            doc.add(new StoredField(Fields.CREATED, d.created().toString()));
        }
        day(doc, Fields.ADDED, d.added(), zone);
        day(doc, Fields.MODIFIED, d.modified(), zone);
        if (d.modified() != null) {
            doc.add(new StoredField(Fields.MODIFIED_MILLIS, d.modified().toEpochMilli()));
        }
        return doc;
    }

    private static void text(org.apache.lucene.document.Document doc, String field, String value, boolean store) {
        if (value != null && !value.isBlank()) {
            doc.add(new TextField(field, value, store ? Field.Store.YES : Field.Store.NO));
        }
    }

    private static void keyword(org.apache.lucene.document.Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new StringField(field, value, Field.Store.NO));
        }
    }

    private static void number(org.apache.lucene.document.Document doc, String field, Long value, boolean store) {
        if (value != null) {
            doc.add(new LongPoint(field, value));
            if (store) {
                doc.add(new StoredField(field, value));
            }
        }
    }

    private static void day(org.apache.lucene.document.Document doc, String field, Instant instant, ZoneId zone) {
        if (instant != null) {
            doc.add(new LongPoint(field, instant.atZone(zone).toLocalDate().toEpochDay()));
        }
    }
}
