package org.paperless.mail.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailFetcher;
import org.paperless.api.mail.MailRule;
import org.paperless.api.mail.ProcessedMail;
import org.paperless.api.mail.ProcessedMail.Status;
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
 * {@link MailFinisher#fail}. After a UIDVALIDITY change the Message-ID finds the mail's earlier record.
 * <p>
 * This class reads the mail (download, MIME, pieces, the record PENDING). Up to {@link MailWindow#WINDOW} mails
 * read go to the consumer at once ({@link MailWindow}); actions and failed attempts are the {@link MailFinisher}'s.
 */
final class MailHandler {

    /** Failed attempts after which a mail is left alone (README, "Fetching mail"). */
    static final int MAX_ATTEMPTS = MailFetcher.MAX_ATTEMPTS;

    private static final Logger LOG = LoggerFactory.getLogger(MailHandler.class);

    private final Services services;
    private final MailAccount account;
    private final MailRule rule;
    private final long uidValidity;
    private final Path stagingRoot;
    private final Limits limits;
    private final Clock clock;
    private final MailFinisher finisher;
    private final MailWindow window;

    MailHandler(Services services, MailAccount account, MailRule rule, IMAPFolder folder, long uidValidity,
            Path stagingRoot, Limits limits, Tally tally, BooleanSupplier stopping, Clock clock) {
        this.services = services;
        this.account = account;
        this.rule = rule;
        this.uidValidity = uidValidity;
        this.stagingRoot = stagingRoot;
        this.limits = limits;
        this.clock = clock;
        this.finisher = new MailFinisher(services, account, rule, folder, uidValidity, limits, tally, clock);
        this.window = new MailWindow(services, rule, tally, stopping, finisher);
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
                window.drain();
            } catch (InterruptedException d) {
                Thread.currentThread().interrupt();
                e.addSuppressed(d);
            } catch (ConsumptionHeld | MessagingException | RuntimeException d) {
                e.addSuppressed(d);
            }
            throw e;
        }
        if (window.full()) {
            window.drain();
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
                    finisher.act(r, message, mail);
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

    /** A mail left STORED that the rule's search no longer finds: see {@link MailFinisher#finishStored}. */
    void finishStored(ProcessedMail record) throws MessagingException {
        finisher.finishStored(record);
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
     * after it ({@link MailWindow#drain}). Its staging folder lives until then.
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
                finisher.fail(existing, mail, e.getMessage(), started, true);
                return true;
            }
            if (pieces.isEmpty() && existing == null) {
                LOG.debug("Rule {}: nothing to consume in mail {}", rule.name(), mail.label());
                return false;
            }
            ProcessedMail record = finisher.recordOf(existing, mail);
            window.add(message, mail, record, resumed, started, dir, pieces,
                    new Assignments(rule, mail, services.correspondents()));
            queued = true;
            return true;
        } finally {
            if (!queued) {
                StagedFiles.deleteTree(dir);
            }
        }
    }

    /** Consumes the mails read so far: see {@link MailWindow#drain}. */
    void drain() throws InterruptedException, ConsumptionHeld, MessagingException {
        window.drain();
    }

    /** Removes the staged files of mails read but not consumed (a stop): they stay PENDING for the next fetch. */
    void discard() {
        window.discard();
    }

    /** Runs the due actions: see {@link MailFinisher#flush}. */
    void flush() throws MessagingException {
        finisher.flush();
    }
}
