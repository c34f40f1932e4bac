package org.paperless.mail.internal;

import org.paperless.api.mail.MailFetcher.RuleResult;

/** What one rule did so far in one fetch; the account's figures are the sum of its rules'. */
final class Tally {

    int mailsConsumed;
    int documents;
    int failedMails;
    /** Why the rule could not run, or why its last failed mail failed; null when nothing failed. */
    String lastError;

    RuleResult result(String rule) {
        return new RuleResult(rule, mailsConsumed, documents, failedMails, lastError);
    }
}
