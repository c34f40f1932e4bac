package org.paperless.storage.internal.jpa;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.paperless.api.ConflictException;
import org.paperless.api.Document;
import org.paperless.api.NotFoundException;

/**
 * What {@code update} changes (title, references, tags, created date, serial number, owner, the
 * modification time), written with JDBC batches in the caller's transaction. Through JPA the same
 * changes to 100,000 documents took 11-15 s, with these batches 4.5 s (a benchmark-only test on Derby):
 * the retagger writes that many.
 */
final class DocumentUpdates {

    private DocumentUpdates() {
    }

    static void apply(Connection c, List<Document> changed, Instant now) throws SQLException {
        Map<Long, Long> serialNumbers = serialNumbers(c, changed);
        for (Document d : changed) {
            if (d.id() == null) {
                throw new IllegalArgumentException("only a stored document can be updated");
            }
            if (!serialNumbers.containsKey(d.id())) {
                throw new NotFoundException("No document with id " + d.id());
            }
            Long asn = d.archiveSerialNumber();
            if (asn != null && !asn.equals(serialNumbers.get(d.id()))) {
                checkSerialNumber(c, asn, d.id());
            }
        }
        Map<Long, Set<Long>> tags = tags(c, changed);
        Timestamp modified = Timestamp.valueOf(DocumentMapper.utc(now));
        try (PreparedStatement row = c.prepareStatement("UPDATE document SET title = ?, correspondent_id = ?, "
                + "document_type_id = ?, storage_path_id = ?, created = ?, archive_serial_number = ?, owner = ?, "
                + "modified = ? WHERE id = ?");
             PreparedStatement removeTag = c.prepareStatement("DELETE FROM document_tag WHERE document_id = ? AND tag_id = ?");
             PreparedStatement addTag = c.prepareStatement("INSERT INTO document_tag (document_id, tag_id) VALUES (?, ?)")) {
            for (Document d : changed) {
                row.setString(1, d.title());
                setLong(row, 2, d.correspondentId());
                setLong(row, 3, d.documentTypeId());
                setLong(row, 4, d.storagePathId());
                if (d.created() == null) {
                    row.setNull(5, Types.DATE);
                } else {
                    row.setDate(5, Date.valueOf(d.created()));
                }
                setLong(row, 6, d.archiveSerialNumber());
                row.setString(7, d.owner());
                row.setTimestamp(8, modified);
                row.setLong(9, d.id());
                row.addBatch();
                Set<Long> before = tags.getOrDefault(d.id(), Set.of());
                for (Long tag : before) {
                    if (!d.tagIds().contains(tag)) {
                        removeTag.setLong(1, d.id());
                        removeTag.setLong(2, tag);
                        removeTag.addBatch();
                    }
                }
                for (Long tag : d.tagIds()) {
                    if (!before.contains(tag)) {
                        addTag.setLong(1, d.id());
                        addTag.setLong(2, tag);
                        addTag.addBatch();
                    }
                }
            }
            row.executeBatch();
            removeTag.executeBatch();
            addTag.executeBatch();
        } catch (SQLException e) {
            throw refused(e);
        }
    }

    /** A broken rule of the database (an unknown tag or correspondent, a serial number taken) in words. */
    static RuntimeException refused(SQLException e) {
        SQLException cause = e.getNextException() != null ? e.getNextException() : e;
        if (cause.getSQLState() != null && cause.getSQLState().startsWith("23")) {
            return new ConflictException("The change refers to something that does not exist or is taken: "
                    + cause.getMessage());
        }
        return new IllegalStateException("Storing the change failed: " + cause.getMessage(), cause);
    }

    static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    /** The stored serial number of each document that exists outside the trash (null for none). */
    private static Map<Long, Long> serialNumbers(Connection c, List<Document> changed) throws SQLException {
        Map<Long, Long> result = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, archive_serial_number FROM document WHERE id BETWEEN ? AND ? AND deleted_at IS NULL")) {
            for (IdRange range : IdRange.of(changed.stream().map(Document::id).toList())) {
                range.bind(s);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long id = r.getLong(1);
                        long asn = r.getLong(2);
                        if (range.ids().contains(id)) {
                            result.put(id, r.wasNull() ? null : asn);
                        }
                    }
                }
            }
        }
        return result;
    }

    private static Map<Long, Set<Long>> tags(Connection c, List<Document> changed) throws SQLException {
        Map<Long, Set<Long>> result = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT document_id, tag_id FROM document_tag WHERE document_id BETWEEN ? AND ?")) {
            for (IdRange range : IdRange.of(changed.stream().map(Document::id).toList())) {
                range.bind(s);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long id = r.getLong(1);
                        if (range.ids().contains(id)) {
                            result.computeIfAbsent(id, k -> new HashSet<>()).add(r.getLong(2));
                        }
                    }
                }
            }
        }
        return result;
    }

    private static void checkSerialNumber(Connection c, long asn, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM document WHERE archive_serial_number = ? AND id <> ?")) {
            s.setLong(1, asn);
            s.setLong(2, id);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    throw new ConflictException("Archive serial number " + asn + " is already used by document " + r.getLong(1));
                }
            }
        }
    }

}
