package org.paperless.storage.internal.jpa;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.paperless.api.ConflictException;
import org.paperless.api.CustomFieldInstance;
import org.paperless.api.Document;
import org.paperless.api.Note;

/**
 * New documents written with JDBC batches in the caller's transaction, on PostgreSQL: their ids are taken
 * from the table's identity sequence in one query, so that the rows need not go one statement each for the
 * database to hand back each key (as JPA must with identity columns). Over TCP, that round trip per document
 * made a bulk load a third slower than on the embedded Derby. The rows are those {@link DocumentMapper}
 * makes.
 */
final class DocumentInserts {

    private static final String INSERT_DOCUMENT = "INSERT INTO document (id, title, content, correspondent_id, "
            + "document_type_id, storage_path_id, created, modified, added, checksum, archive_checksum, "
            + "archive_serial_number, filename, archive_filename, original_filename, mime_type, page_count, owner) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private DocumentInserts() {
    }

    /** Whether the connection's database can take these batches (PostgreSQL: a sequence behind each identity). */
    static boolean supported(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL");
    }

    /** Inserts the new documents with their tags, notes and field values; returns their ids in order. */
    static List<Long> insert(Connection c, List<Document> documents, Instant now) throws SQLException {
        checkSerialNumbers(c, documents);
        List<Long> ids = nextIds(c, documents.size());
        try (PreparedStatement row = c.prepareStatement(INSERT_DOCUMENT);
             PreparedStatement tag = c.prepareStatement("INSERT INTO document_tag (document_id, tag_id) VALUES (?, ?)");
             PreparedStatement note = c.prepareStatement(
                     "INSERT INTO note (document_id, note_text, created, user_name) VALUES (?, ?, ?, ?)");
             PreparedStatement field = c.prepareStatement(
                     "INSERT INTO custom_field_instance (document_id, field_id, value_text) VALUES (?, ?, ?)")) {
            for (int i = 0; i < documents.size(); i++) {
                Document d = documents.get(i);
                long id = ids.get(i);
                if (d.id() != null) {
                    throw new IllegalArgumentException("a new document has no id yet (got " + d.id() + ")");
                }
                bindRow(row, id, d, now);
                row.addBatch();
                for (Long tagId : d.tagIds()) {
                    tag.setLong(1, id);
                    tag.setLong(2, tagId);
                    tag.addBatch();
                }
                for (Note n : d.notes()) {
                    note.setLong(1, id);
                    note.setString(2, n.text());
                    note.setTimestamp(3, Timestamp.valueOf(DocumentMapper.utc(n.created() == null ? now : n.created())));
                    note.setString(4, n.user());
                    note.addBatch();
                }
                for (CustomFieldInstance f : d.customFields()) {
                    field.setLong(1, id);
                    field.setLong(2, f.fieldId());
                    field.setString(3, f.value());
                    field.addBatch();
                }
            }
            row.executeBatch();
            tag.executeBatch();
            note.executeBatch();
            field.executeBatch();
        }
        return ids;
    }

    private static void bindRow(PreparedStatement row, long id, Document d, Instant now) throws SQLException {
        Instant added = d.added() == null ? now : d.added();
        row.setLong(1, id);
        row.setString(2, d.title());
        row.setString(3, d.content());
        DocumentUpdates.setLong(row, 4, d.correspondentId());
        DocumentUpdates.setLong(row, 5, d.documentTypeId());
        DocumentUpdates.setLong(row, 6, d.storagePathId());
        if (d.created() == null) {
            row.setNull(7, Types.DATE);
        } else {
            row.setDate(7, Date.valueOf(d.created()));
        }
        row.setTimestamp(8, Timestamp.valueOf(DocumentMapper.utc(d.modified() == null ? added : d.modified())));
        row.setTimestamp(9, Timestamp.valueOf(DocumentMapper.utc(added)));
        row.setString(10, d.checksum());
        row.setString(11, d.archiveChecksum());
        DocumentUpdates.setLong(row, 12, d.archiveSerialNumber());
        row.setString(13, d.filename());
        row.setString(14, d.archiveFilename());
        row.setString(15, d.originalFilename());
        row.setString(16, d.mimeType());
        if (d.pageCount() == null) {
            row.setNull(17, Types.INTEGER);
        } else {
            row.setInt(17, d.pageCount());
        }
        row.setString(18, d.owner());
    }

    /** As many ids as documents, from the sequence the identity column draws from, in ascending order. */
    private static List<Long> nextIds(Connection c, int count) throws SQLException {
        List<Long> ids = new ArrayList<>(count);
        try (PreparedStatement s = c.prepareStatement(
                "SELECT nextval(pg_get_serial_sequence('document', 'id')) FROM generate_series(1, ?)")) {
            s.setInt(1, count);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        ids.sort(null);
        return ids;
    }

    /** A serial number given twice in the batch, or already taken, is refused as one given alone is. */
    private static void checkSerialNumbers(Connection c, List<Document> documents) throws SQLException {
        Map<Long, Integer> given = new HashMap<>();
        for (Document d : documents) {
            Long asn = d.archiveSerialNumber();
            if (asn != null && given.merge(asn, 1, Integer::sum) > 1) {
                throw new ConflictException("Archive serial number " + asn + " is given to two new documents");
            }
        }
        if (given.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM document WHERE archive_serial_number = ?")) {
            for (Long asn : given.keySet()) {
                s.setLong(1, asn);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        throw new ConflictException("Archive serial number " + asn + " is already used by document "
                                + r.getLong(1));
                    }
                }
            }
        }
    }
}
