package org.paperless.api.storage;

import java.io.IOException;

import org.osgi.annotation.versioning.ProviderType;
import org.paperless.api.Correspondent;
import org.paperless.api.CustomField;
import org.paperless.api.CustomFieldInstance;
import org.paperless.api.Document;
import org.paperless.api.DocumentType;
import org.paperless.api.SavedView;
import org.paperless.api.StoragePath;
import org.paperless.api.Tag;
import org.paperless.api.security.Grants;
import org.paperless.api.security.ObjectType;

/**
 * Stores a whole collection in one database transaction: everything the work adds through its session
 * is committed together when the work returns, and nothing when it throws. Memory stays flat however
 * many documents come. No document events are posted; whoever imports rebuilds the index afterwards.
 */
@ProviderType
public interface CollectionImport {

    <R> R inOneTransaction(Work<R> work) throws IOException;

    @FunctionalInterface
    interface Work<R> {
        R run(Session session) throws IOException;
    }

    /** Adds objects and documents; references (parent tag, correspondent, field) are ids of this instance. */
    interface Session {

        /** True when the instance holds no document and no correspondent, tag, type, path or custom field. */
        boolean empty();

        Correspondent add(Correspondent correspondent);

        DocumentType add(DocumentType type);

        StoragePath add(StoragePath path);

        /** A tag whose parent is already added (or none). */
        Tag add(Tag tag);

        CustomField add(CustomField field);

        /**
         * A document with its notes and custom field values and its times as given; once its id is known,
         * {@code files} puts its files in place and returns it with their names and checksums, which are stored.
         */
        Document add(Document document, DocumentRepository.FileStep files) throws IOException;

        /** A custom field value of a document already added (one that refers to documents added after it). */
        CustomFieldInstance add(CustomFieldInstance value);

        SavedView add(SavedView view);

        /** Gives an object already added (not a document: its owner comes with it) to a user. */
        void own(ObjectType type, long id, String owner);

        /** Shares a document or object already added. */
        void grant(ObjectType type, long id, Grants grants);
    }
}
