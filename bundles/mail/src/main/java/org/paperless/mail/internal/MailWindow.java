package org.paperless.mail.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.eclipse.angus.mail.imap.IMAPMessage;
import org.paperless.api.Document;
import org.paperless.api.consumer.ConsumptionException;
import org.paperless.api.consumer.DocumentConsumer.Outcome;
import org.paperless.api.consumer.DocumentConsumer.Request;
import org.paperless.api.mail.MailRule;
import org.paperless.api.mail.ProcessedMail;
import org.paperless.api.mail.ProcessedMail.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.mail.MessagingException;

/**
 * The mails of one rule read and recorded PENDING whose documents go to the consumer at once, up to
 * {@link #WINDOW} of them: the consumer reads one mail's documents while it stores another's. Each mail is then
 * finished in the order read, by the {@link MailFinisher}: STORED and its action due once all of its documents
 * are committed, else a failed attempt.
 */
final class MailWindow {

    /**
     * Mails whose pieces go to the consumer together: it reads the next mail's documents while it stores the
     * current one's.
     */
    static final int WINDOW = 8;

    /** Logs as the mail handler it was split from, so log settings and readers see the same lines. */
    private static final Logger LOG = LoggerFactory.getLogger(MailHandler.class);

    private final Services services;
    private final MailRule rule;
    private final Tally tally;
    private final BooleanSupplier stopping;
    private final MailFinisher finisher;

    /** Mails read and recorded, their pieces not consumed yet: at most {@link #WINDOW}. */
    private final List<Taken> window = new ArrayList<>();

    /** Whether the consumer may still read staged files: it was interrupted while it had some. */
    private boolean stagingInUse;

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

    /** A piece given to the consumer, and its mail. */
    private record Asked(Taken mail, Piece piece) {
    }

    MailWindow(Services services, MailRule rule, Tally tally, BooleanSupplier stopping, MailFinisher finisher) {
        this.services = services;
        this.rule = rule;
        this.tally = tally;
        this.stopping = stopping;
        this.finisher = finisher;
    }

    /** Adds a mail read and recorded PENDING; its staging folder {@code dir} is the window's from now on. */
    void add(IMAPMessage message, Candidate mail, ProcessedMail record, boolean resumed, Instant started, Path dir,
            List<Piece> pieces, Assignments assignments) {
        window.add(new Taken(message, mail, record, resumed, started, dir, pieces, assignments));
    }

    /** Whether the window holds {@link #WINDOW} mails: time to {@link #drain} it. */
    boolean full() {
        return window.size() >= WINDOW;
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
            finisher.fail(t.record(), t.mail(), String.join("; ", failures), t.started(), !consumerSaidWhy);
            return;
        }
        services.processed().setStatus(t.record().id(), Status.STORED, null);
        finisher.act(t.record(), t.message(), t.mail());
    }

    /** Whether a document already has the piece's bytes: then it is not consumed again. */
    private boolean known(Piece piece, Taken t) {
        Optional<Long> known = services.checksums().documentWith(piece.sha256());
        if (known.isEmpty()) {
            return false;
        }
        long id = known.get();
        if (t.ours().contains(id)) {
            LOG.debug("Rule {}: {} of mail {} was stored before as document {}", rule.name(), piece.name(),
                    t.mail().label(), id);
        } else if (t.resumed()) {
            // committed by an attempt that stopped before it could note it
            services.processed().addDocument(t.record().id(), id);
            t.ours().add(id);
            LOG.info("Rule {}: {} of mail {} was stored as document {} by the interrupted attempt", rule.name(),
                    piece.name(), t.mail().label(), id);
        } else {
            LOG.info("Rule {}: {} of mail {} skipped: duplicate of document {}", rule.name(), piece.name(),
                    t.mail().label(), id);
        }
        return true;
    }

    private void checkStop() throws InterruptedException {
        if (stopping.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("The mail fetch was stopped");
        }
    }
}
