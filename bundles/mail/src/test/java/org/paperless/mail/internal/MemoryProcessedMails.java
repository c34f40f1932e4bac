package org.paperless.mail.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.paperless.api.NotFoundException;
import org.paperless.api.mail.MailOrigin;
import org.paperless.api.mail.ProcessedMail;
import org.paperless.api.mail.ProcessedMails;

/** The record of processed mails in memory, as storage keeps it: one row per account, folder, UIDVALIDITY, UID. */
final class MemoryProcessedMails implements ProcessedMails {

    private final Map<Long, ProcessedMail> rows = new LinkedHashMap<>();
    private long nextId = 1;

    @Override
    public synchronized Optional<ProcessedMail> find(long accountId, String folder, long uidValidity, long uid) {
        return rows.values().stream().filter(m -> m.accountId() == accountId && m.folder().equals(folder)
                && m.uidValidity() == uidValidity && m.uid() == uid).findFirst();
    }

    @Override
    public synchronized Set<Long> doneUids(long accountId, String folder, long uidValidity) {
        return rows.values().stream().filter(m -> m.accountId() == accountId && m.folder().equals(folder)
                && m.uidValidity() == uidValidity && m.status() == ProcessedMail.Status.DONE)
                .map(ProcessedMail::uid).collect(Collectors.toSet());
    }

    @Override
    public synchronized Optional<ProcessedMail> findByMessageId(long accountId, String folder, String messageId) {
        return rows.values().stream().filter(m -> m.accountId() == accountId && m.folder().equals(folder)
                && Objects.equals(m.messageId(), messageId)).max(Comparator.comparing(ProcessedMail::id));
    }

    @Override
    public synchronized ProcessedMail begin(ProcessedMail mail) {
        Optional<ProcessedMail> there = find(mail.accountId(), mail.folder(), mail.uidValidity(), mail.uid());
        if (there.isPresent()) {
            return there.get();
        }
        ProcessedMail row = new ProcessedMail(nextId++, mail.accountId(), mail.ruleId(), mail.folder(), mail.uidValidity(),
                mail.uid(), mail.messageId(), mail.subject(), mail.received(), ProcessedMail.Status.PENDING, List.of(), null,
                Instant.now());
        rows.put(row.id(), row);
        return row;
    }

    @Override
    public synchronized void addDocument(long processedId, long documentId) {
        ProcessedMail m = existing(processedId);
        if (m.documentIds().contains(documentId)) {
            return;
        }
        List<Long> ids = new ArrayList<>(m.documentIds());
        ids.add(documentId);
        rows.put(processedId, new ProcessedMail(m.id(), m.accountId(), m.ruleId(), m.folder(), m.uidValidity(), m.uid(),
                m.messageId(), m.subject(), m.received(), m.status(), ids, m.error(), Instant.now(), m.attempts()));
    }

    @Override
    public synchronized void setStatus(long processedId, ProcessedMail.Status status, String error) {
        ProcessedMail m = existing(processedId);
        rows.put(processedId, new ProcessedMail(m.id(), m.accountId(), m.ruleId(), m.folder(), m.uidValidity(), m.uid(),
                m.messageId(), m.subject(), m.received(), status, m.documentIds(), cut(error), Instant.now(), m.attempts()));
    }

    @Override
    public synchronized int fail(long processedId, String error) {
        ProcessedMail m = existing(processedId);
        ProcessedMail failed = new ProcessedMail(m.id(), m.accountId(), m.ruleId(), m.folder(), m.uidValidity(), m.uid(),
                m.messageId(), m.subject(), m.received(), ProcessedMail.Status.FAILED, m.documentIds(), cut(error), Instant.now(),
                m.attempts() + 1);
        rows.put(processedId, failed);
        return failed.attempts();
    }

    @Override
    public synchronized List<ProcessedMail> unfinished(long accountId, String folder) {
        return rows.values().stream().filter(m -> m.accountId() == accountId && m.folder().equals(folder)
                && m.status() != ProcessedMail.Status.DONE).sorted(Comparator.comparing(ProcessedMail::id)).toList();
    }

    /** Clears the attempts, leaving the status, error and time as storage's bulk update does. */
    @Override
    public synchronized int retryFailed(long accountId) {
        List<ProcessedMail> failed = rows.values().stream()
                .filter(m -> m.accountId() == accountId && m.status() == ProcessedMail.Status.FAILED).toList();
        for (ProcessedMail m : failed) {
            rows.put(m.id(), new ProcessedMail(m.id(), m.accountId(), m.ruleId(), m.folder(), m.uidValidity(), m.uid(),
                    m.messageId(), m.subject(), m.received(), m.status(), m.documentIds(), m.error(), m.updatedAt(), 0));
        }
        return failed.size();
    }

    /** Storage keeps 4000 characters of an error. */
    private static String cut(String error) {
        return error == null || error.length() <= 4000 ? error : error.substring(0, 4000);
    }

    private ProcessedMail existing(long processedId) {
        ProcessedMail m = rows.get(processedId);
        if (m == null) {
            throw new NotFoundException("No processed mail with id " + processedId);
        }
        return m;
    }

    @Override
    public synchronized Optional<MailOrigin> originOf(long documentId) {
        return rows.values().stream().filter(m -> m.documentIds().contains(documentId))
                .max(Comparator.comparing(ProcessedMail::id))
                .map(m -> new MailOrigin(String.valueOf(m.accountId()), String.valueOf(m.ruleId()), m.messageId(),
                        m.subject(), m.received()));
    }

    /** The last changed first, as storage orders them. */
    @Override
    public synchronized List<ProcessedMail> recent(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a list of processed mails shows 1 mail or more, not " + limit);
        }
        List<ProcessedMail> all = new ArrayList<>(rows.values());
        all.sort(Comparator.comparing(ProcessedMail::updatedAt).thenComparing(ProcessedMail::id).reversed());
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    synchronized List<ProcessedMail> all() {
        return List.copyOf(rows.values());
    }

    @Override
    public synchronized int delete(java.util.Collection<Long> ids) {
        int before = rows.size();
        rows.keySet().removeAll(ids);
        return before - rows.size();
    }
}
