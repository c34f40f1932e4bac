package org.paperless.mail.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.paperless.api.Document;
import org.paperless.api.consumer.ConsumptionException;
import org.paperless.api.consumer.DocumentConsumer.Outcome;
import org.paperless.api.consumer.DocumentConsumer.Request;
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
 * <p>
 * Up to {@link #WINDOW} mails are read and recorded PENDING before their documents go to the consumer at once
 * ({@link #drain}), so that it reads one mail's documents while it stores another's; each mail is then
 * finished in the order read, its action still only once all of its documents are committed.
 */
final class MailHandler {

    /** Failed attempts after which a mail is left alone (README, "Fetching mail"). */
    static final int MAX_ATTEMPTS = MailFetcher.MAX_ATTEMPTS;

    /**
     * Mails whose pieces go to the consumer together: it reads the next mail's documents while it stores the
     * current one's.
     */
    static final int WINDOW = 8;

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

    /** Mails read and recorded, their pieces not consumed yet: at most {@link #WINDOW}. */
    private final List<Taken> window = new ArrayList<>();

    /** A mail read and recorded PENDING, its pieces to consume, and what became of them. */
    private record Taken(IMAPMessage message, Candidate mail, ProcessedMail record, boolean resumed, Instant started,
            Path dir, List<Piece> pieces, Assignments assignments, Set<Long> ours, Map<Piece, String> errors,
            Map<Piece, ConsumptionException> refused, Set<Piece> later) {

        Taken(IMAPMessage message, Candidate mail, ProcessedMail record, boolean resumed, Instant started, Path dir,
                List<Piece> pieces, Assignments assignments) {
            this(message, mail, record, resumed, started, dir, pieces, assignments, new HashSet<>(record.documentIds()),
                    new HashMap<>(), new HashMap<>(), new HashSet<>());
        }
    }

    /** Whether the consumer may still read staged files: it was interrupted while it had some. */
    private boolean stagingInUse;

    /** A piece given to the consumer, and its mail. */
    private record Asked(Taken mail, Piece piece) {
    }

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

    /**
     * Takes the mail into the window of mails consumed together; a full window is consumed at once.
     *
     * @return whether this rule took the mail on (it has a record of this rule now)
     */
    boolean handle(IMAPMessage message, Candidate mail)
            throws MessagingException, IOException, InterruptedException, ConsumptionHeld {
        boolean taken;
        try {
            taken = take(message, mail);
        } catch (MessagingException | IOException | RuntimeException e) {
            // the mails read before this one get their documents, as they would have one at a time
            try {
                drain();
            } catch (InterruptedException d) {
                Thread.currentThread().interrupt();
                e.addSuppressed(d);
            } catch (ConsumptionHeld | MessagingException | RuntimeException d) {
                e.addSuppressed(d);
            }
            throw e;
        }
        if (window.size() >= WINDOW) {
            drain();
        }
        return taken;
    }

    private boolean take(IMAPMessage message, Candidate mail) throws MessagingException, IOException {
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

    /**
     * Reads the mail and records it PENDING; its pieces are consumed with those of the mails read before and
     * after it ({@link #drain}). Its staging folder lives until then.
     */
    private boolean consume(IMAPMessage message, Candidate mail, ProcessedMail existing, boolean resumed)
            throws MessagingException, IOException {
        Instant started = clock.instant();
        Path dir = Files.createTempDirectory(stagingRoot, "uid-" + mail.uid() + "-");
        boolean queued = false;
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
            window.add(new Taken(message, mail, record, resumed, started, dir, pieces,
                    new Assignments(rule, mail, services.correspondents())));
            queued = true;
            return true;
        } finally {
            if (!queued) {
                StagedFiles.deleteTree(dir);
            }
        }
    }

    /**
     * Consumes the pieces of the mails read so far in one go, so the consumer reads the next mail's documents
     * while it stores the current one's; then, mail after mail in the order read, a mail whose documents are
     * all stored becomes STORED and its action is due, any other fails. Each document is noted on its mail as
     * soon as it is stored, so a stop in between leaves PENDING mails the next fetch finishes.
     *
     * @throws ConsumptionHeld when the consumer took no file of a mail: the mails before it are finished, it
     *         and those after it stay PENDING
     */
    void drain() throws InterruptedException, ConsumptionHeld, MessagingException {
        if (window.isEmpty()) {
            return;
        }
        List<Taken> taken = List.copyOf(window);
        window.clear();
        stagingInUse = false;
        try {
            consumeTogether(taken);
            for (Taken t : taken) {
                finish(t);
            }
        } finally {
            if (stagingInUse) {
                // interrupted while the consumer may still read them: the fetcher's next start removes them
                LOG.debug("Rule {}: the staged files of {} mails are left to the next start", rule.name(), taken.size());
            } else {
                taken.forEach(t -> StagedFiles.deleteTree(t.dir()));
            }
        }
    }

    /** Removes the staged files of mails read but not consumed (a stop): they stay PENDING for the next fetch. */
    void discard() {
        window.forEach(t -> StagedFiles.deleteTree(t.dir()));
        window.clear();
    }

    private void consumeTogether(List<Taken> taken) throws InterruptedException {
        List<Request> requests = new ArrayList<>();
        Map<Path, Asked> asked = new HashMap<>();
        Set<String> checksums = new HashSet<>();
        for (Taken t : taken) {
            for (Piece piece : t.pieces()) {
                try {
                    if (known(piece, t)) {
                        continue;
                    }
                    if (!checksums.add(piece.sha256())) {
                        t.later().add(piece); // the same bytes as a piece before it: stored once, by that one
                        continue;
                    }
                    requests.add(new Request(piece.file(), t.assignments().overrides(piece)));
                    asked.put(piece.file(), new Asked(t, piece));
                } catch (RuntimeException e) {
                    // a correspondent that cannot be created, storage gone: this mail fails, the next is tried
                    failed(t, piece, e);
                }
            }
        }
        if (requests.isEmpty()) {
            return;
        }
        checkStop();
        List<Request> left = requests;
        while (!left.isEmpty()) {
            try {
                services.consumer().consumeEach(left, outcome -> noted(asked.remove(outcome.file()), outcome));
                left = List.of();
            } catch (RuntimeException e) {
                // outcomes come in order: the first piece without one is the one the consumer failed on
                Asked failing = asked.remove(left.stream().filter(r -> asked.containsKey(r.file())).findFirst()
                        .orElseThrow(() -> e).file());
                failed(failing.mail(), failing.piece(), e);
                left = left.stream().filter(r -> asked.containsKey(r.file())).toList();
            } catch (InterruptedException e) {
                stagingInUse = true;
                throw e;
            }
        }
    }

    /** One piece's outcome, on this thread, in the order the pieces were given. */
    private void noted(Asked asked, Outcome outcome) {
        Taken t = asked.mail();
        Piece piece = asked.piece();
        if (outcome.failure() != null) {
            t.refused().put(piece, outcome.failure());
            return;
        }
        Document document = outcome.document();
        try {
            services.processed().addDocument(t.record().id(), document.id());
            t.ours().add(document.id());
            tally.documents++;
            LOG.info("Rule {}: {} of mail {} is document {}", rule.name(), piece.name(), t.mail().label(), document.id());
        } catch (RuntimeException e) {
            failed(t, piece, e);
        }
    }

    private void failed(Taken t, Piece piece, RuntimeException e) {
        LOG.warn("Rule {}: {} of mail {} failed", rule.name(), piece.name(), t.mail().label(), e);
        t.errors().put(piece, piece.name() + ": " + Failures.message(e));
    }

    /** The mail is STORED and its action due when each of its pieces is stored (now or before), else it fails. */
    private void finish(Taken t) throws InterruptedException, ConsumptionHeld, MessagingException {
        List<String> failures = new ArrayList<>();
        boolean consumerSaidWhy = true;
        for (Piece piece : t.pieces()) {
            String error = t.errors().get(piece);
            ConsumptionException refused = t.refused().get(piece);
            if (error != null) {
                failures.add(error);
                consumerSaidWhy = false;
            } else if (refused != null) {
                checkStop();
                if (refused.keptAt() == null && Files.exists(piece.file())) {
                    throw new ConsumptionHeld(refused.getMessage());
                }
                if (!known(piece, t)) { // else stored meanwhile by someone else
                    failures.add(piece.name() + ": " + refused.getMessage());
                }
            } else if (t.later().contains(piece) && !known(piece, t)) {
                failures.add(piece.name() + ": not stored, as the same file before it was not");
            }
        }
        if (!failures.isEmpty()) {
            fail(t.record(), t.mail(), String.join("; ", failures), t.started(), !consumerSaidWhy);
            return;
        }
        services.processed().setStatus(t.record().id(), Status.STORED, null);
        act(t.record(), t.message(), t.mail());
    }

    private boolean known(Piece piece, Taken t) {
        return known(piece, t.record(), t.ours(), t.resumed(), t.mail());
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
