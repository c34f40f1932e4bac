package org.paperless.storage.internal.jpa;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.paperless.api.NotFoundException;
import org.paperless.api.mail.MailOrigin;
import org.paperless.api.mail.ProcessedMail;
import org.paperless.api.mail.ProcessedMails;
import org.paperless.api.storage.SchemaMigrations;
import org.paperless.storage.internal.entity.MailAccountEntity;
import org.paperless.storage.internal.entity.MailRuleEntity;
import org.paperless.storage.internal.entity.ProcessedMailEntity;

/**
 * The record of mails taken on, one committed transaction per call. Two fetches racing for the same mail
 * are settled by the unique key on (account, folder, UIDVALIDITY, UID): the loser gets the winner's row.
 */
@Component(service = ProcessedMails.class)
public class ProcessedMailsComponent implements ProcessedMails {

    static final String DELETED_RULE = "(deleted rule)";
    private static final int INSERT_ATTEMPTS = 6;

    private final Transactions transactions;

    /** @param migrations only referenced so that nothing uses JPA before the schema is current */
    @Activate
    public ProcessedMailsComponent(@Reference(target = PersistenceUnit.TARGET) EntityManagerFactory factory,
            @Reference SchemaMigrations migrations) {
        this.transactions = new Transactions(factory);
    }

    @Override
    public Optional<ProcessedMail> find(long accountId, String folder, long uidValidity, long uid) {
        return transactions.read(em -> em.createQuery("SELECT p FROM ProcessedMailEntity p WHERE p.accountId = :account "
                        + "AND p.folder = :folder AND p.uidValidity = :validity AND p.uid = :uid", ProcessedMailEntity.class)
                .setParameter("account", accountId).setParameter("folder", folder)
                .setParameter("validity", uidValidity).setParameter("uid", uid)
                .getResultList().stream().findFirst().map(ProcessedMailsComponent::toRecord));
    }

    @Override
    public Set<Long> doneUids(long accountId, String folder, long uidValidity) {
        return transactions.read(em -> new HashSet<>(em.createQuery("SELECT p.uid FROM ProcessedMailEntity p "
                        + "WHERE p.accountId = :account AND p.folder = :folder AND p.uidValidity = :validity "
                        + "AND p.status = :done", Long.class)
                .setParameter("account", accountId).setParameter("folder", folder)
                .setParameter("validity", uidValidity).setParameter("done", ProcessedMail.Status.DONE.name())
                .getResultList()));
    }

    @Override
    public Optional<ProcessedMail> findByMessageId(long accountId, String folder, String messageId) {
        if (messageId == null || messageId.isBlank()) {
            return Optional.empty();
        }
        return transactions.read(em -> em.createQuery("SELECT p FROM ProcessedMailEntity p WHERE p.accountId = :account "
                        + "AND p.folder = :folder AND p.messageId = :messageId ORDER BY p.id DESC", ProcessedMailEntity.class)
                .setParameter("account", accountId).setParameter("folder", folder)
                .setParameter("messageId", storedMessageId(messageId)).setMaxResults(1)
                .getResultList().stream().findFirst().map(ProcessedMailsComponent::toRecord));
    }

    /** Stores the mail as PENDING with no documents and no error, whatever the given record says of those. */
    @Override
    public ProcessedMail begin(ProcessedMail mail) {
        if (mail.id() != null) {
            throw new IllegalArgumentException("a mail is begun once (it has id " + mail.id() + ")");
        }
        if (mail.folder().length() > ProcessedMailEntity.FOLDER_LENGTH) {
            throw new IllegalArgumentException("The folder name is longer than " + ProcessedMailEntity.FOLDER_LENGTH
                    + " characters");
        }
        return find(mail.accountId(), mail.folder(), mail.uidValidity(), mail.uid()).orElseGet(() -> insertOrFind(mail));
    }

    /**
     * The insert, and when another fetch inserted the same mail first (unique key), that fetch's row. When
     * the insert failed and no row is there either, both racers lost (Derby can time out a lock wait between
     * concurrent inserts): try again, a few times.
     */
    ProcessedMail insertOrFind(ProcessedMail mail) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.callApart(em -> insert(em, mail));
            } catch (PersistenceException e) {
                Optional<ProcessedMail> winner = find(mail.accountId(), mail.folder(), mail.uidValidity(), mail.uid());
                if (winner.isPresent()) {
                    return winner.get();
                }
                if (attempt == INSERT_ATTEMPTS) {
                    throw e;
                }
                pauseBeforeAttempt(attempt + 1);
            }
        }
    }

    /**
     * Racers that all lost (on Derby a new block of ids is taken without waiting for locks, and fails while
     * another connection compiles an insert) would meet again at once: each waits a little, at random.
     */
    private static void pauseBeforeAttempt(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(10, 30L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while recording a mail", e);
        }
    }

    private static ProcessedMail insert(EntityManager em, ProcessedMail mail) {
        if (em.find(MailAccountEntity.class, mail.accountId()) == null) {
            throw new NotFoundException("No mail account with id " + mail.accountId());
        }
        ProcessedMailEntity entity = new ProcessedMailEntity();
        entity.setAccountId(mail.accountId());
        entity.setRuleId(mail.ruleId());
        entity.setFolder(mail.folder());
        entity.setUidValidity(mail.uidValidity());
        entity.setUid(mail.uid());
        entity.setMessageId(mail.messageId() == null ? null : storedMessageId(mail.messageId()));
        entity.setSubject(StoredText.cut(mail.subject(), ProcessedMailEntity.SUBJECT_LENGTH));
        entity.setReceived(mail.received() == null ? null : DocumentMapper.utc(mail.received()));
        entity.setStatus(ProcessedMail.Status.PENDING.name());
        entity.setUpdatedAt(DocumentMapper.utc(Instant.now()));
        em.persist(entity);
        em.flush();
        return toRecord(entity);
    }

    @Override
    public void addDocument(long processedId, long documentId) {
        try {
            transactions.callApart(em -> {
                ProcessedMailEntity entity = existing(em, processedId);
                if (entity.getDocumentIds().add(documentId)) {
                    entity.setUpdatedAt(DocumentMapper.utc(Instant.now()));
                }
                return null;
            });
        } catch (PersistenceException e) {
            // Added at the same moment by someone else (primary key): that is what was asked for.
            if (!transactions.callApart(em -> existing(em, processedId).getDocumentIds().contains(documentId))) {
                throw e;
            }
        }
    }

    @Override
    public void setStatus(long processedId, ProcessedMail.Status status, String error) {
        Objects.requireNonNull(status, "status");
        transactions.callApart(em -> {
            ProcessedMailEntity entity = existing(em, processedId);
            entity.setStatus(status.name());
            entity.setError(error == null ? null : StoredText.cut(error, ProcessedMailEntity.ERROR_LENGTH));
            entity.setUpdatedAt(DocumentMapper.utc(Instant.now()));
            return null;
        });
    }

    @Override
    public int fail(long processedId, String error) {
        return transactions.callApart(em -> {
            ProcessedMailEntity entity = existing(em, processedId);
            entity.setStatus(ProcessedMail.Status.FAILED.name());
            entity.setError(error == null ? null : StoredText.cut(error, ProcessedMailEntity.ERROR_LENGTH));
            entity.setAttempts(entity.getAttempts() + 1);
            entity.setUpdatedAt(DocumentMapper.utc(Instant.now()));
            return entity.getAttempts();
        });
    }

    /** Statuses listed rather than "not DONE", so that the index on (account, folder, status) is used for each. */
    @Override
    public List<ProcessedMail> unfinished(long accountId, String folder) {
        List<String> open = Arrays.stream(ProcessedMail.Status.values()).filter(s -> s != ProcessedMail.Status.DONE)
                .map(Enum::name).toList();
        return transactions.read(em -> em.createQuery("SELECT p FROM ProcessedMailEntity p WHERE p.accountId = :account "
                        + "AND p.folder = :folder AND p.status IN :open ORDER BY p.id", ProcessedMailEntity.class)
                .setParameter("account", accountId).setParameter("folder", folder).setParameter("open", open)
                .getResultList().stream().map(ProcessedMailsComponent::toRecord).toList());
    }

    @Override
    public int retryFailed(long accountId) {
        return transactions.callApart(em -> em.createQuery("UPDATE ProcessedMailEntity p SET p.attempts = 0 "
                        + "WHERE p.accountId = :account AND p.status = :failed")
                .setParameter("account", accountId).setParameter("failed", ProcessedMail.Status.FAILED.name())
                .executeUpdate());
    }

    /** The newest mail the document was made from; the rule's name may be gone by now. */
    @Override
    public Optional<MailOrigin> originOf(long documentId) {
        return transactions.read(em -> em.createQuery("SELECT p FROM ProcessedMailEntity p "
                        + "WHERE :document MEMBER OF p.documentIds ORDER BY p.id DESC", ProcessedMailEntity.class)
                .setParameter("document", documentId).setMaxResults(1).getResultList().stream().findFirst()
                .map(p -> origin(em, p)));
    }

    @Override
    public List<ProcessedMail> recent(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a list of processed mails shows 1 mail or more, not " + limit);
        }
        return transactions.read(em -> em.createQuery("SELECT p FROM ProcessedMailEntity p "
                        + "ORDER BY p.updatedAt DESC, p.id DESC", ProcessedMailEntity.class)
                .setMaxResults(limit).getResultList().stream().map(ProcessedMailsComponent::toRecord).toList());
    }

    @Override
    public int delete(java.util.Collection<Long> ids) {
        // One by one: a bulk JPQL delete would leave the records' document ids behind.
        return transactions.callApart(em -> {
            int deleted = 0;
            for (Long id : new java.util.HashSet<>(ids)) {
                ProcessedMailEntity entity = em.find(ProcessedMailEntity.class, id);
                if (entity != null) {
                    em.remove(entity);
                    deleted++;
                }
            }
            return deleted;
        });
    }

    private static MailOrigin origin(EntityManager em, ProcessedMailEntity p) {
        MailAccountEntity account = em.find(MailAccountEntity.class, p.getAccountId());
        MailRuleEntity rule = em.find(MailRuleEntity.class, p.getRuleId());
        return new MailOrigin(account.getName(), rule == null ? DELETED_RULE : rule.getName(), p.getMessageId(),
                p.getSubject(), DocumentMapper.instant(p.getReceived()));
    }

    /** A Message-ID is at most 998 characters by RFC 5322; a longer one is cut the same way when stored and sought. */
    private static String storedMessageId(String messageId) {
        return StoredText.cut(messageId, ProcessedMailEntity.MESSAGE_ID_LENGTH);
    }

    private static ProcessedMailEntity existing(EntityManager em, long id) {
        ProcessedMailEntity entity = em.find(ProcessedMailEntity.class, id);
        if (entity == null) {
            throw new NotFoundException("No processed mail with id " + id);
        }
        return entity;
    }

    private static ProcessedMail toRecord(ProcessedMailEntity e) {
        return new ProcessedMail(e.getId(), e.getAccountId(), e.getRuleId(), e.getFolder(), e.getUidValidity(),
                e.getUid(), e.getMessageId(), e.getSubject(), DocumentMapper.instant(e.getReceived()),
                ProcessedMail.Status.valueOf(e.getStatus()), List.copyOf(new TreeSet<>(e.getDocumentIds())), e.getError(),
                DocumentMapper.instant(e.getUpdatedAt()), e.getAttempts());
    }
}
