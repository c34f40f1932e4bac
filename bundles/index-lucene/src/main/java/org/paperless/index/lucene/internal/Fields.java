package org.paperless.index.lucene.internal;

import java.util.Map;
import java.util.Set;

/** The index layout. Any change to what is indexed, or how, raises {@link #SCHEMA_VERSION}: the index is then rebuilt. */
final class Fields {

    static final int SCHEMA_VERSION = 3;

    static final String ID = "id";
    static final String ID_KEY = "id_key";
    static final String TITLE = "title";
    static final String CONTENT = "content";
    /**
     * Each two neighbouring words of the content as one term ("rechnung betrag"), at the first word's position:
     * a phrase on the content is found through these ({@link PhrasePairs}). Not searchable by name.
     */
    static final String CONTENT_PAIRS = "content_pairs";
    static final String CORRESPONDENT = "correspondent";
    static final String CORRESPONDENT_ID = "correspondent_id";
    static final String TYPE = "type";
    static final String TYPE_ID = "type_id";
    static final String PATH = "path";
    static final String PATH_ID = "path_id";
    static final String TAG = "tag";
    static final String TAG_ID = "tag_id";
    static final String NOTES = "notes";
    static final String CUSTOM_FIELDS = "custom_fields";
    static final String ASN = "asn";
    static final String ORIGINAL_FILENAME = "original_filename";
    static final String CHECKSUM = "checksum";
    static final String PAGE_COUNT = "page_count";
    static final String CREATED = "created";
    static final String ADDED = "added";
    static final String MODIFIED = "modified";
    static final String OWNER = "owner";
    /** The modification instant, stored for the watermark. */
    static final String MODIFIED_MILLIS = "modified_ms";
    /** Title and content words as written (lower case only), for autocomplete. */
    static final String WORDS = "words";

    /** What a query without a field name searches, and how much each counts. */
    static final Map<String, Float> DEFAULT_FIELDS = Map.of(TITLE, 3f, CONTENT, 1f, CORRESPONDENT, 2f, TYPE, 1.5f,
            TAG, 2f, NOTES, 1f, CUSTOM_FIELDS, 1f);
    static final Set<String> DATES = Set.of(CREATED, ADDED, MODIFIED);
    static final Set<String> NUMBERS = Set.of(ID, ASN, PAGE_COUNT, CORRESPONDENT_ID, TYPE_ID, PATH_ID, TAG_ID);
    /** What a query may name. */
    static final Set<String> SEARCHABLE = Set.of(ID, TITLE, CONTENT, CORRESPONDENT, CORRESPONDENT_ID, TYPE, TYPE_ID,
            PATH, PATH_ID, TAG, TAG_ID, NOTES, CUSTOM_FIELDS, ASN, ORIGINAL_FILENAME, CHECKSUM, PAGE_COUNT, CREATED,
            ADDED, MODIFIED, OWNER);
    /** Matched as they are, not analysed. */
    static final Set<String> KEYWORDS = Set.of(CHECKSUM, OWNER);

    /** The names paperless-ngx users also type for some fields. */
    private static final Map<String, String> ALIASES = Map.of("document_type", TYPE, "storage_path", PATH,
            "tags", TAG, "num_pages", PAGE_COUNT, "note", NOTES, "custom_field", CUSTOM_FIELDS,
            "archive_serial_number", ASN);

    private Fields() {
    }

    static String canonical(String field) {
        return ALIASES.getOrDefault(field, field);
    }
}
