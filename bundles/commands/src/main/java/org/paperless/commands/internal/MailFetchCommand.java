package org.paperless.commands.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailAccounts;
import org.paperless.api.mail.MailFetcher;
import org.paperless.api.mail.MailFetcher.AccountResult;
import org.paperless.api.mail.MailFetcher.FetchReport;
import org.paperless.api.mail.MailFetcher.RuleResult;
import org.paperless.api.mail.ProcessedMails;

/**
 * paperless-ngx's mail task, now; the exit status says whether every account, rule and mail went well. One row
 * per account (its totals) followed by one per rule; the account's row starts as it always did, for scripts.
 */
@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "mail-fetch", description = "Fetch mail now: every enabled rule of every account"
        + " (or of one), each mail consumed once and acted on only after its documents are stored")
public class MailFetchCommand implements Action {

    @Completion(MailAccountCompleter.class)
    @Option(name = "--account", aliases = "-a", description = "Only this account")
    String account;

    @Option(name = "--retry-failed", description = "First clear the failed attempts of the account's (or every"
            + " account's) failed mails, those the fetcher gave up on too, so that this fetch tries them again")
    boolean retryFailed;

    @Option(name = "--no-format", description = "Plain tab-separated output for scripts")
    boolean noFormat;

    @Reference(optional = true)
    MailFetcher fetcher;

    @Reference(optional = true)
    MailAccounts accounts;

    @Reference(optional = true)
    ProcessedMails processed;

    @Override
    public Object execute() throws Exception {
        MailFetcher mail = Capabilities.mail(fetcher);
        if (retryFailed) {
            retryFailed();
        }
        FetchReport report = mail.fetch(account);
        Table table = new Table().column("Account").rightColumn("Mails").rightColumn("Documents").rightColumn("Failed")
                .column("Rule").wideColumn("Error", 80);
        for (AccountResult a : report.accounts()) {
            table.row(a.account(), a.mailsConsumed(), a.documents(), a.failedMails(), "", a.error());
            for (RuleResult r : a.rules()) {
                table.row(a.account(), r.mailsConsumed(), r.documents(), r.failedMails(), r.rule(), r.lastError());
            }
        }
        table.print(System.out, noFormat);
        if (report.accounts().isEmpty()) {
            System.out.println("No mail account: add one with paperless:mail-account-add.");
        }
        if (!report.ok()) {
            throw new IllegalStateException("Mail fetching had failures: see the table above, paperless:tasks --failed"
                    + " and log:display. Failed mails stay untouched on the server and are tried again next time, up to "
                    + MailFetcher.MAX_ATTEMPTS + " failed attempts; then only paperless:mail-fetch --retry-failed tries"
                    + " them again.");
        }
        return null;
    }

    private void retryFailed() {
        MailAccounts repository = Capabilities.storage(accounts);
        ProcessedMails mails = Capabilities.storage(processed);
        List<MailAccount> which = account == null ? repository.list() : List.of(repository.resolve(account));
        for (MailAccount a : which) {
            int failed = mails.retryFailed(a.id());
            System.out.println(failed + " failed mail" + (failed == 1 ? "" : "s") + " of account '" + a.name()
                    + "' to be tried again");
        }
    }
}
