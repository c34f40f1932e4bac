package org.paperless.mail.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.paperless.api.Document;
import org.paperless.api.consumer.ConsumptionException;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailFetcher;
import org.paperless.api.mail.MailRule;
import org.paperless.api.mail.ProcessedMail;
import org.paperless.api.mail.ProcessedMail.Status;
import org.paperless.api.tasks.TaskLog;
import org.paperless.api.tasks.TaskRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.mail.MessagingException;

/**
 * One mail of one rule, exactly once. The record of the mail (account, folder, UIDVALIDITY, UID) says how far
 * it got: PENDING while its documents are consumed, STORED once every one of them is committed, DONE once
 * the rule's action ran on the server. The action never runs before STORED, so a crash or a stop at any
 * point leaves a state the next fetch finishes: a PENDING mail is consumed again, where a file whose
 * SHA-256 a document already has counts as stored (it was committed before the crash); a STORED mail only
 * gets its action. A mail whose documents could not all be stored is FAILED, left untouched on the server
 * and tried again next time, {@link #MAX_ATTEMPTS} times at most: then it is left alone until the failed mails
 * are retried on demand. A lost connection is no attempt (the mail is not at fault): it never gets as far as
 * {@link #fail}. After a UIDVALIDITY change the Message-ID finds the mail's earlier record.
 */
final class MailHandler {

    /** Failed attempts after which a mail is left alone (README, "Fetching mail"). */
    static final int MAX_ATTEMPTS = MailFetcher.MAX_ATTEMPTS;

    private static final Logger LOG = LoggerFactory.getLogger(MailHandler.class);

    private final Services services;
    private final MailAccount account;
    private final MailRule rule;
    private final IMAPFolder folder;
    private final long uidValidity;
    private final Path stagingRoot;
    private final Limits limits;
    private final Tally tally;
    private final BooleanSupplier stopping;
    private final Clock clock;
    private final List<Due> due = new ArrayList<>();

    /** A mail whose documents are all stored, its action still to run. */
    private record Due(ProcessedMail record, IMAPMessage message, Candidate mail) {
    }

    MailHandler(Services services, MailAccount account, MailRule rule, IMAPFolder folder, long uidValidity,
            Path stagingRoot, Limits limits, Tally tally, BooleanSupplier stopping, Clock clock) {
        this.services = services;
        this.account = account;
        this.rule = rule;
        this.folder = folder;
        this.uidValidity = uidValidity;
        this.stagingRoot = stagingRoot;
        this.limits = limits;
        this.tally = tally;
        this.stopping = stopping;
        this.clock = clock;
    }

    /** @return whether this rule took the mail on (it has a record of this rule now) */
    boolean handle(IMAPMessage message, Candidate mail)
            throws MessagingException, IOException, InterruptedException, ConsumptionHeld {
        Optional<ProcessedMail> record = services.processed().find(account.id(), rule.folder(), uidValidity, mail.uid());
        if (record.isEmpty() && mail.messageId() != null) {
            record = services.processed().findByMessageId(account.id(), rule.folder(), mail.messageId())
                    .filter(earlier -> earlier.uidValidity() != uidValidity)
                    .map(earlier -> renumbered(earlier, mail));
        }
        boolean resumed = false;
        if (record.isPresent()) {
            ProcessedMail r = record.get();
            if (r.ruleId() != rule.id()) {
                LOG.debug("Rule {}: mail {} belongs to rule #{}", rule.name(), mail.label(), r.ruleId());
                return false;
            }
            switch (r.status()) {
                case DONE -> {
                    return true;
                }
                case STORED -> {
                    LOG.info("Rule {}: mail {} has all its documents stored; running the action {} left undone",
                            rule.name(), mail.label(), rule.action());
                    act(r, message, mail);
                    return true;
                }
                case PENDING -> resumed = true;
                case FAILED -> {
                    if (givenUp(r)) {
                        LOG.debug("Rule {}: mail {} failed {} times: left alone", rule.name(), mail.label(), r.attempts());
                        return true;
                    }
                }
            }
        }
        if (!mail.matchesHeaders(rule.filterFrom(), rule.filterTo(), rule.filterSubject())) {
            return false;
        }
        return consume(message, mail, record.orElse(null), resumed);
    }

    /**
     * A mail left STORED that the rule's search no longer finds: its action may have run before the fetch was
     * cut off (the mail is read, flagged, moved or deleted already), or the mail went away. Either way only
     * the record is left to finish; an action still undone on a mail still there is run.
     */
    void finishStored(ProcessedMail record) throws MessagingException {
        IMAPMessage message = (IMAPMessage) folder.getMessageByUID(record.uid());
        if (message == null || message.isExpunged() || MailActions.done(rule, message)) {
            services.processed().setStatus(record.id(), Status.DONE, null);
            LOG.info("Rule {}: mail UID {} '{}' was {}: done", rule.name(), record.uid(), record.subject(),
                    message == null || message.isExpunged() ? "moved or deleted" : "acted on already");
            return;
        }
        act(record, message, new Candidate(record.uid(), record.messageId(), record.subject(), "", "", List.of(),
                record.received(), -1));
    }

    /** Whether the fetcher gave up on the mail: it failed {@link #MAX_ATTEMPTS} times. */
    static boolean givenUp(ProcessedMail record) {
        return record.status() == Status.FAILED && record.attempts() >= MAX_ATTEMPTS;
    }

    /** The server numbered its mails anew: the mail's earlier record, carried over to its new UID. */
    private ProcessedMail renumbered(ProcessedMail earlier, Candidate mail) {
        ProcessedMail now = services.processed().begin(new ProcessedMail(null, account.id(), earlier.ruleId(), rule.folder(),
                uidValidity, mail.uid(), mail.messageId(), mail.subject(), mail.received(), Status.PENDING, List.of(),
                null, null));
        for (Long document : earlier.documentIds()) {
            services.processed().addDocument(now.id(), document);
        }
        if (earlier.status() != Status.PENDING) {
            services.processed().setStatus(now.id(), earlier.status(), earlier.error());
        }
        int attempts = earlier.status() == Status.FAILED ? earlier.attempts() : 0;
        for (int i = 0; i < attempts; i++) { // at most MAX_ATTEMPTS, and only after a renumbering
            services.processed().fail(now.id(), earlier.error());
        }
        LOG.info("Folder {} of account {} was renumbered (UIDVALIDITY {} -> {}): mail {} is the one recorded as"
                + " UID {}, {}", rule.folder(), account.name(), earlier.uidValidity(), uidValidity, mail.label(),
                earlier.uid(), earlier.status());
        return new ProcessedMail(now.id(), account.id(), earlier.ruleId(), rule.folder(), uidValidity, mail.uid(),
                mail.messageId(), mail.subject(), mail.received(), earlier.status(), earlier.documentIds(), earlier.error(),
                null, attempts);
    }

    private boolean consume(IMAPMessage message, Candidate mail, ProcessedMail existing, boolean resumed)
            throws MessagingException, IOException, InterruptedException, ConsumptionHeld {
        Instant started = clock.instant();
        Path dir = Files.createTempDirectory(stagingRoot, "uid-" + mail.uid() + "-");
        try {
            Path eml = dir.resolve("mail.eml");
            List<Piece> pieces;
            try {
                RawMail.download(message, eml, limits.maxMailBytes());
                try (MailParts parts = MailParts.read(eml, limits)) {
                    pieces = PieceSelection.select(rule, mail, eml, parts, dir, limits, services.supportedType());
                }
            } catch (MailRefused e) {
                fail(existing, mail, e.getMessage(), started, true);
                return true;
            }
            if (pieces.isEmpty() && existing == null) {
                LOG.debug("Rule {}: nothing to consume in mail {}", rule.name(), mail.label());
                return false;
            }
            ProcessedMail record = existing != null ? existing : services.processed().begin(fresh(mail));
            Set<Long> ours = new HashSet<>(record.documentIds());
            Assignments assignments = new Assignments(rule, mail, services.correspondents());
            List<String> failures = new ArrayList<>();
            boolean consumerSaidWhy = true;
            for (Piece piece : pieces) {
                checkStop();
                try {
                    String failure = consume(piece, record, ours, resumed, assignments, mail);
                    if (failure != null) {
                        failures.add(failure);
                    }
                } catch (RuntimeException e) {
                    // a correspondent that cannot be created, storage gone: this mail fails, the next is tried
                    LOG.warn("Rule {}: {} of mail {} failed", rule.name(), piece.name(), mail.label(), e);
                    failures.add(piece.name() + ": " + Failures.message(e));
                    consumerSaidWhy = false;
                }
            }
            if (!failures.isEmpty()) {
                fail(record, mail, String.join("; ", failures), started, !consumerSaidWhy);
                return true;
            }
            services.processed().setStatus(record.id(), Status.STORED, null);
            act(record, message, mail);
            return true;
        } finally {
            StagedFiles.deleteTree(dir);
        }
    }

    /** @return why the piece was not stored, or null when it is (now or before) */
    private String consume(Piece piece, ProcessedMail record, Set<Long> ours, boolean resumed, Assignments assignments,
            Candidate mail) throws InterruptedException, ConsumptionHeld {
        if (known(piece, record, ours, resumed, mail)) {
            return null;
        }
        try {
            Document document = services.consumer().consume(piece.file(), assignments.overrides(piece));
            services.processed().addDocument(record.id(), document.id());
            ours.add(document.id());
            tally.documents++;
            LOG.info("Rule {}: {} of mail {} is document {}", rule.name(), piece.name(), mail.label(), document.id());
            return null;
        } catch (ConsumptionException e) {
            checkStop();
            if (e.keptAt() == null && Files.exists(piece.file())) {
                throw new ConsumptionHeld(e.getMessage());
            }
            if (known(piece, record, ours, resumed, mail)) {
                return null; // stored meanwhile by someone else
            }
            return piece.name() + ": " + e.getMessage();
        }
    }

    /** Whether a document already has the piece's bytes: then it is not consumed again. */
    private boolean known(Piece piece, ProcessedMail record, Set<Long> ours, boolean resumed, Candidate mail) {
        Optional<Long> known = services.checksums().documentWith(piece.sha256());
        if (known.isEmpty()) {
            return false;
        }
        long id = known.get();
        if (ours.contains(id)) {
            LOG.debug("Rule {}: {} of mail {} was stored before as document {}", rule.name(), piece.name(), mail.label(), id);
        } else if (resumed) {
            // committed by an attempt that stopped before it could note it
            services.processed().addDocument(record.id(), id);
            ours.add(id);
            LOG.info("Rule {}: {} of mail {} was stored as document {} by the interrupted attempt", rule.name(),
                    piece.name(), mail.label(), id);
        } else {
            LOG.info("Rule {}: {} of mail {} skipped: duplicate of document {}", rule.name(), piece.name(), mail.label(), id);
        }
        return true;
    }

    /**
     * The action is due once every document is stored. Actions run in batches ({@link #flush}): until then the
     * mail is STORED, which a stop leaves for the next fetch to finish.
     */
    private void act(ProcessedMail record, IMAPMessage message, Candidate mail) throws MessagingException {
        due.add(new Due(record, message, mail));
        if (due.size() >= limits.batch()) {
            flush();
        }
    }

    /** Runs the due actions, then marks their mails DONE. A refused action leaves its mail STORED with the reason. */
    void flush() throws MessagingException {
        if (due.isEmpty()) {
            return;
        }
        List<Due> batch = List.copyOf(due);
        due.clear();
        try {
            MailActions.run(rule, folder, batch.stream().map(Due::message).toArray(IMAPMessage[]::new));
            for (Due d : batch) {
                done(d);
            }
        } catch (MessagingException e) {
            if (ConnectionState.lost(e, folder) || batch.size() == 1) {
                actionFailed(batch.get(0), e);
                return;
            }
            for (Due d : batch) { // one at a time: the refused one is found, the others are done
                try {
                    MailActions.run(rule, folder, d.message());
                    done(d);
                } catch (MessagingException single) {
                    actionFailed(d, single);
                }
            }
        }
    }

    private void done(Due d) {
        services.processed().setStatus(d.record().id(), Status.DONE, null);
        tally.mailsConsumed++;
        LOG.info("Rule {}: mail {} done ({})", rule.name(), d.mail().label(), rule.action());
    }

    private void actionFailed(Due d, MessagingException e) throws MessagingException {
        if (ConnectionState.lost(e, folder)) {
            throw e; // the mails stay STORED: the next fetch runs their action
        }
        String reason = "The action " + rule.action() + " failed: " + Failures.message(e);
        services.processed().setStatus(d.record().id(), Status.STORED, reason);
        tally.failedMails++;
        tally.lastError = "Mail " + d.mail().label() + ": " + reason;
        LOG.warn("Rule {}: mail {}: {}; its documents are stored, the action is tried again next time", rule.name(),
                d.mail().label(), reason);
    }

    /**
     * Counts a failed attempt. Until the last one the mail is tried again at the next fetch; at the last one
     * the fetcher gives up on it, says so once (log and task list) and says what to do.
     *
     * @param toTaskList whether the failure still has to go to the task list (the consumer lists the files it refused)
     */
    private void fail(ProcessedMail existing, Candidate mail, String reason, Instant started, boolean toTaskList) {
        ProcessedMail record = existing != null ? existing : services.processed().begin(fresh(mail));
        int attempts = services.processed().fail(record.id(), reason);
        tally.failedMails++;
        tally.lastError = "Mail " + mail.label() + ": " + reason;
        String task = "mail " + mail.label() + " (" + account.name() + "/" + rule.folder() + ")";
        if (attempts >= MAX_ATTEMPTS) {
            String name = account.name().matches("[\\w.@+-]+") ? account.name() : '"' + account.name() + '"';
            String advice = "Fix the cause and run paperless:mail-fetch --retry-failed --account " + name
                    + ", or take the mail out of " + rule.folder();
            LOG.warn("Rule {}: mail {} of account {} failed {} times; it is left alone on the server from now on: {}. {}",
                    rule.name(), mail.label(), account.name(), attempts, reason, advice);
            toTaskList(TaskRecord.consumeFailed(task, started, clock.instant(),
                    "Given up after " + attempts + " failed attempts: " + reason + ". " + advice));
            return;
        }
        LOG.warn("Rule {}: mail {} of account {} failed (attempt {} of {}), it stays on the server as it is and is tried"
                + " again next time: {}", rule.name(), mail.label(), account.name(), attempts, MAX_ATTEMPTS, reason);
        if (toTaskList) {
            toTaskList(TaskRecord.consumeFailed(task, started, clock.instant(), reason));
        }
    }

    private void toTaskList(TaskRecord task) {
        TaskLog log = services.taskLog().get();
        if (log != null) {
            try {
                log.record(task);
            } catch (RuntimeException e) {
                LOG.warn("The failed mail could not be added to the task list: {}", e.toString());
            }
        }
    }

    private ProcessedMail fresh(Candidate mail) {
        return new ProcessedMail(null, account.id(), rule.id(), rule.folder(), uidValidity, mail.uid(), mail.messageId(),
                mail.subject(), mail.received(), Status.PENDING, List.of(), null, null);
    }

    private void checkStop() throws InterruptedException {
        if (stopping.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("The mail fetch was stopped");
        }
    }
}
