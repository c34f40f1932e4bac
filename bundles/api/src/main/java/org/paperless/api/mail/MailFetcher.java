package org.paperless.api.mail;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Fetches mail now, offered by the mail bundle; one run at a time. */
@ProviderType
public interface MailFetcher {

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

        public boolean ok() {
            return accounts.stream().allMatch(a -> a.error() == null && a.failedMails() == 0);
        }
    }

    /**
     * @param mailsConsumed mails whose every document was stored and whose action ran
     * @param documents documents stored
     * @param failedMails mails left untouched for the next fetch
     * @param error why the account could not be fetched at all, or null
     */
    record AccountResult(String account, int mailsConsumed, int documents, int failedMails, String error) {
    }
}
