package org.paperless.api.mail;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Fetches mail now, offered by the mail bundle; one run at a time. */
@ProviderType
public interface MailFetcher {

    /**
     * Failed attempts after which the fetcher leaves a mail alone (FAILED, untouched on the server) until
     * {@link ProcessedMails#retryFailed} clears them. A lost connection is no attempt.
     *
     * @since 1.1
     */
    int MAX_ATTEMPTS = 5;

    /**
     * Runs every enabled rule of one account, or of all accounts when {@code account} is null. An account
     * that cannot be reached is reported and the others are still fetched.
     *
     * @throws IllegalStateException when a run is already in progress
     */
    FetchReport fetch(String account) throws InterruptedException;

    /** Logs in and lists the account's folders; the error says what went wrong (host, login, TLS). */
    List<String> test(MailAccount account);

    /** What one fetch did, per account. */
    record FetchReport(List<AccountResult> accounts) {

        public FetchReport {
            accounts = List.copyOf(accounts);
        }

        /** Whether no account and no rule failed, and no mail either. */
        public boolean ok() {
            return accounts.stream().allMatch(a -> a.error() == null && a.failedMails() == 0
                    && a.rules().stream().allMatch(r -> r.lastError() == null && r.failedMails() == 0));
        }
    }

    /**
     * @param mailsConsumed mails whose every document was stored and whose action ran
     * @param documents documents stored
     * @param failedMails mails that failed in this fetch (left untouched on the server), or whose action failed
     * @param error why the account could not be fetched at all, or why a rule of it could not run
     *        ("Rule NAME: why"), or null
     * @param rules what each enabled rule did, in the order they ran (since 1.1)
     */
    record AccountResult(String account, int mailsConsumed, int documents, int failedMails, String error,
            List<RuleResult> rules) {

        public AccountResult {
            rules = rules == null ? List.of() : List.copyOf(rules);
        }

        /** An account result without rules, as before 1.1. */
        public AccountResult(String account, int mailsConsumed, int documents, int failedMails, String error) {
            this(account, mailsConsumed, documents, failedMails, error, List.of());
        }
    }

    /**
     * What one rule did in one fetch.
     *
     * @param mailsConsumed mails whose every document was stored and whose action ran
     * @param documents documents stored
     * @param failedMails mails that failed, or whose action failed
     * @param lastError why the rule could not run, or why its last failed mail failed; null when none
     * @since 1.1
     */
    record RuleResult(String rule, int mailsConsumed, int documents, int failedMails, String lastError) {
    }
}
