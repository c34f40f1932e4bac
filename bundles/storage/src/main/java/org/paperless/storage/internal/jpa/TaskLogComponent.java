package org.paperless.storage.internal.jpa;

import java.time.Instant;
import java.util.List;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.paperless.api.storage.SchemaMigrations;
import org.paperless.api.tasks.TaskLog;
import org.paperless.api.tasks.TaskRecord;
import org.paperless.storage.internal.entity.TaskEntity;

/** The task list in the task table: one short transaction per record, so a caller never waits long. */
@Component(service = TaskLog.class)
public class TaskLogComponent implements TaskLog {

    private final Transactions transactions;

    /** @param migrations only referenced so that nothing uses JPA before the schema is current */
    @Activate
    public TaskLogComponent(@Reference(target = PersistenceUnit.TARGET) EntityManagerFactory factory,
            @Reference SchemaMigrations migrations) {
        this.transactions = new Transactions(factory);
    }

    @Override
    public TaskRecord record(TaskRecord task) {
        if (task.id() != null) {
            throw new IllegalArgumentException("a task is recorded once (it has id " + task.id() + ")");
        }
        TaskEntity entity = new TaskEntity();
        entity.setKind(task.kind().name());
        entity.setName(StoredText.cut(task.name(), TaskEntity.NAME_LENGTH));
        entity.setStartedAt(DocumentMapper.utc(task.startedAt()));
        entity.setFinishedAt(DocumentMapper.utc(task.finishedAt()));
        entity.setOk(task.ok());
        entity.setDocumentId(task.documentId());
        entity.setMessage(StoredText.cut(task.message(), TaskEntity.MESSAGE_LENGTH));
        return transactions.callApart(em -> {
            em.persist(entity);
            em.flush();
            return toRecord(entity);
        });
    }

    @Override
    public List<TaskRecord> list(int limit, boolean failedOnly) {
        if (limit < 1) {
            throw new IllegalArgumentException("a task list shows 1 task or more, not " + limit);
        }
        String where = failedOnly ? " WHERE t.ok = false" : "";
        return transactions.read(em -> em.createQuery("SELECT t FROM TaskEntity t" + where
                        + " ORDER BY t.finishedAt DESC, t.id DESC", TaskEntity.class)
                .setMaxResults(limit).getResultList().stream().map(TaskLogComponent::toRecord).toList());
    }

    @Override
    public int prune(Instant olderThan) {
        return transactions.callApart(em -> em.createQuery("DELETE FROM TaskEntity t WHERE t.finishedAt < :before")
                .setParameter("before", DocumentMapper.utc(olderThan)).executeUpdate());
    }

    private static TaskRecord toRecord(TaskEntity e) {
        return new TaskRecord(e.getId(), TaskRecord.Kind.valueOf(e.getKind()), e.getName(),
                DocumentMapper.instant(e.getStartedAt()), DocumentMapper.instant(e.getFinishedAt()), e.isOk(),
                e.getDocumentId(), e.getMessage());
    }
}
