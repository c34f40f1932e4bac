package org.paperless.api.storage;

/**
 * The EventAdmin topics the document repository posts after each commit, with the document's id in
 * {@value #DOCUMENT_ID} (a Long). Listeners such as the search index keep themselves current from them.
 */
public final class DocumentEvents {

    public static final String TOPIC_ADDED = "org/paperless/document/ADDED";
    public static final String TOPIC_UPDATED = "org/paperless/document/UPDATED";
    public static final String TOPIC_DELETED = "org/paperless/document/DELETED";
    /** All three. */
    public static final String TOPIC_ALL = "org/paperless/document/*";
    public static final String DOCUMENT_ID = "document.id";
    public static final String DOCUMENT_TITLE = "document.title";

    private DocumentEvents() {
    }
}
