package org.paperless.commands.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailAccounts;
import org.paperless.api.mail.MailFetcher;
import org.paperless.api.mail.MailFetcher.AccountResult;
import org.paperless.api.mail.MailFetcher.FetchReport;
import org.paperless.api.mail.MailFetcher.RuleResult;
import org.paperless.api.mail.MailOrigin;
import org.paperless.api.mail.ProcessedMail;
import org.paperless.api.mail.ProcessedMails;

/** The summary table per account and rule, the exit status, and --retry-failed before the fetch. */
class MailFetchCommandTest {

    /** What happened, in order: "retry N" and "fetch ACCOUNT". */
    private final List<String> calls = new ArrayList<>();

    @Test
    void eachAccountsRowIsFollowedByItsRulesRows() throws Exception {
        FetchReport report = new FetchReport(List.of(new AccountResult("Home", 2, 3, 0, null, List.of(
                new RuleResult("Bills", 2, 3, 0, null), new RuleResult("Letters", 0, 0, 0, null)))));
        try (KarafShell shell = shell(report)) {
            shell.execute("paperless:mail-fetch --no-format");
            assertEquals(List.of("Home\t2\t3\t0\t\t", "Home\t2\t3\t0\tBills\t", "Home\t0\t0\t0\tLetters\t"),
                    shell.output().lines().toList());
            assertEquals(List.of("fetch null"), calls);
        }
    }

    @Test
    void aFailedRuleShowsItsLastErrorAndFailsTheCommand() throws Exception {
        FetchReport report = new FetchReport(List.of(new AccountResult("Home", 1, 1, 1, null, List.of(
                new RuleResult("Bills", 1, 1, 1, "Mail UID 7 'Bill': bill.pdf: not a PDF")))));
        try (KarafShell shell = shell(report)) {
            IllegalStateException failed = assertThrows(IllegalStateException.class,
                    () -> shell.execute("paperless:mail-fetch --no-format"));
            assertTrue(failed.getMessage().contains("Mail fetching had failures"), failed.getMessage());
            assertTrue(failed.getMessage().contains("--retry-failed"), failed.getMessage());
            assertTrue(shell.output().contains("Home\t1\t1\t1\tBills\tMail UID 7 'Bill': bill.pdf: not a PDF"),
                    shell.output());
        }
        FetchReport ruleOnly = new FetchReport(List.of(new AccountResult("Home", 0, 0, 0, null, List.of(
                new RuleResult("Bills", 0, 0, 0, "The folder 'Bills' does not exist")))));
        try (KarafShell shell = shell(ruleOnly)) {
            assertThrows(IllegalStateException.class, () -> shell.execute("paperless:mail-fetch"));
        }
    }

    @Test
    void retryFailedClearsTheAttemptsOfOneAccountOrOfEveryAccountBeforeTheFetch() throws Exception {
        FetchReport fine = new FetchReport(List.of());
        try (KarafShell shell = shell(fine)) {
            shell.execute("paperless:mail-fetch --retry-failed --account work");
            assertEquals(List.of("retry 2", "fetch work"), calls);
            assertTrue(shell.output().contains("1 failed mail of account 'Work' to be tried again"), shell.output());

            calls.clear();
            shell.execute("paperless:mail-fetch --retry-failed");
            assertEquals(List.of("retry 1", "retry 2", "fetch null"), calls);

            calls.clear();
            shell.execute("paperless:mail-fetch");
            assertEquals(List.of("fetch null"), calls);
        }
    }

    private KarafShell shell(FetchReport report) {
        KarafShell shell = new KarafShell(OptionsAnywhereParser.class, MailFetchCommand.class);
        shell.session.getRegistry().register(new Fetcher(report));
        shell.session.getRegistry().register(new Accounts());
        shell.session.getRegistry().register(new Processed());
        return shell;
    }

    /** The fetcher's answer is given; the command only prints it. */
    private final class Fetcher implements MailFetcher {
        private final FetchReport report;

        Fetcher(FetchReport report) {
            this.report = report;
        }

        @Override
        public FetchReport fetch(String account) {
            calls.add("fetch " + account);
            return report;
        }

        @Override
        public List<String> test(MailAccount account) {
            throw new UnsupportedOperationException();
        }
    }

    /** Two accounts, Home (1) and Work (2). */
    private static final class Accounts implements MailAccounts {
        private final List<MailAccount> all = List.of(account(1, "Home"), account(2, "Work"));

        private static MailAccount account(long id, String name) {
            return new MailAccount(id, name, "imap.example.org", 993, MailAccount.Security.SSL, "me", "pw", "UTF-8");
        }

        @Override
        public List<MailAccount> list() {
            return all;
        }

        @Override
        public Optional<MailAccount> find(long id) {
            return all.stream().filter(a -> a.id() == id).findFirst();
        }

        @Override
        public Optional<MailAccount> findByName(String name) {
            return all.stream().filter(a -> a.name().equalsIgnoreCase(name)).findFirst();
        }

        @Override
        public MailAccount create(MailAccount account) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MailAccount update(MailAccount account) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(long id) {
            throw new UnsupportedOperationException();
        }
    }

    /** Only retryFailed is used: one failed mail per account. */
    private final class Processed implements ProcessedMails {
        @Override
        public int retryFailed(long accountId) {
            calls.add("retry " + accountId);
            return 1;
        }

        @Override
        public Optional<ProcessedMail> find(long accountId, String folder, long uidValidity, long uid) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<Long> doneUids(long accountId, String folder, long uidValidity) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ProcessedMail> findByMessageId(long accountId, String folder, String messageId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ProcessedMail begin(ProcessedMail mail) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void addDocument(long processedId, long documentId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setStatus(long processedId, ProcessedMail.Status status, String error) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int fail(long processedId, String error) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ProcessedMail> unfinished(long accountId, String folder) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<MailOrigin> originOf(long documentId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ProcessedMail> recent(int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int delete(java.util.Collection<Long> ids) {
            throw new UnsupportedOperationException();
        }
    }
}
