package org.paperless.storage.internal.jpa;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import javax.persistence.EntityManager;

import org.paperless.api.ConflictException;
import org.paperless.api.Document;
import org.paperless.api.NotFoundException;
import org.paperless.api.storage.DocumentRepository.Trashed;
import org.paperless.storage.internal.entity.DocumentEntity;

/**
 * The rows side of the trash: a document is in it while its {@code deleted_at} is set. Each method runs
 * inside the caller's transaction and checks every id before it changes one, so a mistake changes nothing.
 */
final class DocumentTrash {

    /** The JPQL condition of a document outside the trash, for alias {@code d}. */
    static final String LIVE = "d.deletedAt IS NULL";

    private DocumentTrash() {
    }

    static List<Document> moveIn(EntityManager em, List<Long> ids, Instant now) {
        List<DocumentEntity> rows = rows(em, ids, false);
        List<Document> moved = new ArrayList<>();
        for (DocumentEntity row : rows) {
            moved.add(DocumentMapper.toRecord(row, List.of(), List.of()));
            row.setDeletedAt(DocumentMapper.utc(now));
        }
        return moved;
    }

    static List<Document> restore(EntityManager em, List<Long> ids) {
        List<DocumentEntity> rows = rows(em, ids, true);
        rows.forEach(row -> row.setDeletedAt(null));
        return rows.stream().map(row -> DocumentMapper.toRecord(row, List.of(), List.of())).toList();
    }

    static List<Trashed> list(EntityManager em) {
        return em.createQuery("SELECT d FROM DocumentEntity d WHERE d.deletedAt IS NOT NULL ORDER BY d.deletedAt, d.id",
                DocumentEntity.class).getResultList().stream()
                .map(d -> new Trashed(DocumentMapper.toRecord(d, List.of(), List.of()),
                        DocumentMapper.instant(d.getDeletedAt())))
                .toList();
    }

    /** Removes the given trashed rows (tags, notes and field values go with them in the database). */
    static List<Document> remove(EntityManager em, List<Long> ids) {
        return removeRows(em, rows(em, ids, true));
    }

    static List<Document> removeOlderThan(EntityManager em, Instant olderThan) {
        return removeRows(em, em.createQuery(
                "SELECT d FROM DocumentEntity d WHERE d.deletedAt IS NOT NULL AND d.deletedAt < :t ORDER BY d.id",
                DocumentEntity.class).setParameter("t", DocumentMapper.utc(olderThan)).getResultList());
    }

    private static List<Document> removeRows(EntityManager em, List<DocumentEntity> rows) {
        List<Document> removed = new ArrayList<>();
        for (DocumentEntity row : rows) {
            removed.add(DocumentMapper.toRecord(row, List.of(), List.of()));
            em.remove(row);
        }
        em.flush();
        return removed;
    }

    /** The rows of the ids, each of them in the trash ({@code trashed}) or out of it, else nothing. */
    private static List<DocumentEntity> rows(EntityManager em, List<Long> ids, boolean trashed) {
        List<DocumentEntity> rows = new ArrayList<>();
        for (long id : new LinkedHashSet<>(ids)) {
            DocumentEntity row = em.find(DocumentEntity.class, id);
            if (row == null) {
                throw new NotFoundException("No document with id " + id);
            }
            if (trashed && row.getDeletedAt() == null) {
                throw new ConflictException("Document " + id + " is not in the trash");
            }
            if (!trashed && row.getDeletedAt() != null) {
                throw new ConflictException("Document " + id + " is already in the trash");
            }
            rows.add(row);
        }
        return rows;
    }
}
