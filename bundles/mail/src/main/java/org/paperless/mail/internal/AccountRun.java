package org.paperless.mail.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailFetcher.AccountResult;
import org.paperless.api.mail.MailFetcher.RuleResult;
import org.paperless.api.mail.MailRule;
import org.paperless.api.tasks.TaskLog;
import org.paperless.api.tasks.TaskRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.mail.MessagingException;
import jakarta.mail.Store;

/**
 * One account: log in, run its enabled rules in order. A rule that cannot run is reported and the next one
 * runs; a lost connection ends the account's fetch, reported, and the caller goes on with the next account.
 */
final class AccountRun {

    private static final Logger LOG = LoggerFactory.getLogger(AccountRun.class);

    private final Services services;
    private final ImapConnector connector;
    private final MailAccount account;
    private final Path stagingRoot;
    private final Limits limits;
    private final BooleanSupplier stopping;
    private final Clock clock;

    AccountRun(Services services, ImapConnector connector, MailAccount account, Path stagingRoot, Limits limits,
            BooleanSupplier stopping, Clock clock) {
        this.services = services;
        this.connector = connector;
        this.account = account;
        this.stagingRoot = stagingRoot;
        this.limits = limits;
        this.stopping = stopping;
        this.clock = clock;
    }

    AccountResult run(Connections connections) throws InterruptedException {
        Instant started = clock.instant();
        List<String> errors = new ArrayList<>();
        List<RuleResult> rules = new ArrayList<>();
        Store store = null;
        try {
            store = connector.connect(account, connections);
            Set<String> claimed = new HashSet<>();
            for (MailRule rule : services.rules().listFor(account.id())) {
                if (!rule.enabled()) {
                    continue;
                }
                Tally tally = new Tally();
                try {
                    new RuleRun(services, account, rule, stagingRoot, limits, tally, stopping, clock).run(store, claimed);
                } catch (RuleFailed e) {
                    ruleFailed(errors, tally, rule, e.getMessage());
                } catch (MessagingException e) {
                    if (stopping.getAsBoolean() || ConnectionState.lost(e, null) || !store.isConnected()) {
                        throw e;
                    }
                    ruleFailed(errors, tally, rule, Failures.hidden(Failures.message(e), account.password()));
                } finally {
                    rules.add(tally.result(rule.name())); // what it did before a lost connection ended the account
                }
            }
        } catch (MessagingException | IOException e) {
            if (stopping.getAsBoolean() || Thread.currentThread().isInterrupted() || Failures.isInterruption(e)) {
                throw stopped();
            }
            errors.add(0, Failures.account(e, account));
            LOG.debug("Fetching mail account {} failed", account.name(), e);
        } catch (ConsumptionHeld e) {
            errors.add("Stopped: " + e.getMessage());
        } catch (RuntimeException e) {
            // storage gone, a bug: this account's fetch ends, the others still run
            LOG.error("Fetching mail account {} failed", account.name(), e);
            errors.add(Failures.hidden(Failures.message(e), account.password()));
        } finally {
            close(store);
        }
        AccountResult result = new AccountResult(account.name(), rules.stream().mapToInt(RuleResult::mailsConsumed).sum(),
                rules.stream().mapToInt(RuleResult::documents).sum(), rules.stream().mapToInt(RuleResult::failedMails).sum(),
                errors.isEmpty() ? null : String.join("; ", errors), rules);
        if (result.error() != null) {
            LOG.warn("Mail account {}: {}", account.name(), result.error());
            record(TaskRecord.scheduled("mail-fetch " + account.name(), started, clock.instant(), false, result.error()));
        } else if (result.mailsConsumed() > 0 || result.failedMails() > 0) {
            LOG.info("Mail account {}: {} mails consumed ({} documents), {} failed", account.name(),
                    result.mailsConsumed(), result.documents(), result.failedMails());
        }
        return result;
    }

    private static void ruleFailed(List<String> errors, Tally tally, MailRule rule, String message) {
        tally.lastError = message;
        errors.add("Rule " + rule.name() + ": " + message);
    }

    private static InterruptedException stopped() {
        return new InterruptedException("The mail fetch was stopped");
    }

    private void record(TaskRecord task) {
        TaskLog log = services.taskLog().get();
        if (log != null) {
            try {
                log.record(task);
            } catch (RuntimeException e) {
                LOG.warn("The mail fetch of {} could not be added to the task list: {}", account.name(), e.toString());
            }
        }
    }

    private static void close(Store store) {
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException e) {
                LOG.debug("Logging out failed: {}", e.toString());
            }
        }
    }
}
