package org.paperless.api.naming;

import org.osgi.annotation.versioning.ProviderType;
import org.paperless.api.Document;

/**
 * Where a stored document's original belongs now: the filename format (PAPERLESS_FILENAME_FORMAT), or its
 * storage path's own format, applied to the document with the current names of its correspondent, type and
 * tags. Offered by the bundle that files consumed documents, so that consumption and the renamer agree.
 */
@ProviderType
public interface DocumentNaming {

    /**
     * @return the path under originals/ without extension, e.g. "ACME/2024/Invoice 12"; the zero-padded id
     *         ("0000042") when no format applies
     * @throws IllegalArgumentException when the format cannot be applied to this document
     */
    default String originalStem(Document document) {
        return originalStems(java.util.List.of(document)).get(0);
    }

    /**
     * {@link #originalStem} for a batch, with the names of correspondents, types, tags and storage paths read
     * once for all of them.
     *
     * @throws IllegalArgumentException when the format cannot be applied to one of them (the message names it)
     */
    java.util.List<String> originalStems(java.util.List<Document> documents);
}
