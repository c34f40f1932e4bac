package org.paperless.commands.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.mail.MailFetcher;
import org.paperless.api.mail.MailFetcher.AccountResult;
import org.paperless.api.mail.MailFetcher.FetchReport;

/** paperless-ngx's mail task, now; the exit status says whether every account and mail went well. */
@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "mail-fetch", description = "Fetch mail now: every enabled rule of every account"
        + " (or of one), each mail consumed once and acted on only after its documents are stored")
public class MailFetchCommand implements Action {

    @Completion(MailAccountCompleter.class)
    @Option(name = "--account", aliases = "-a", description = "Only this account")
    String account;

    @Option(name = "--no-format", description = "Plain tab-separated output for scripts")
    boolean noFormat;

    @Reference(optional = true)
    MailFetcher fetcher;

    @Override
    public Object execute() throws Exception {
        FetchReport report = Capabilities.mail(fetcher).fetch(account);
        Table table = new Table().column("Account").rightColumn("Mails").rightColumn("Documents").rightColumn("Failed")
                .wideColumn("Error", 80);
        for (AccountResult a : report.accounts()) {
            table.row(a.account(), a.mailsConsumed(), a.documents(), a.failedMails(), a.error() == null ? "" : a.error());
        }
        table.print(System.out, noFormat);
        if (report.accounts().isEmpty()) {
            System.out.println("No mail account: add one with paperless:mail-account-add.");
        }
        if (!report.ok()) {
            throw new IllegalStateException("Mail fetching had failures: see the table above, paperless:tasks --failed"
                    + " and log:display. Failed mails stay untouched on the server and are tried again next time.");
        }
        return null;
    }
}
