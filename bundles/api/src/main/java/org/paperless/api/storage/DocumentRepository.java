package org.paperless.api.storage;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.paperless.api.Document;
import org.paperless.api.NotFoundException;

/** The stored documents with their tags, notes and custom field values. */
@ProviderType
public interface DocumentRepository {

    long count();

    /** Documents ordered by id, without notes and custom fields (a listing needs neither). */
    List<Document> list(int offset, int limit);

    Optional<Document> find(long id);

    /** Stores a new document with its tags, notes and custom field values in one transaction. */
    Document create(Document document);

    void delete(long id);

    default Document get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("No document with id " + id));
    }
}
