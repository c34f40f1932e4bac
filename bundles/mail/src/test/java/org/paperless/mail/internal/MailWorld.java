package org.paperless.mail.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailRule;
import org.paperless.api.mail.ProcessedMail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;

/**
 * A real IMAP server (GreenMail, on a free port) with one mailbox, and the fetcher's services as small
 * in-memory implementations of our own API: accounts, rules, the record of processed mails, a consumer
 * that keeps each file's bytes, a task list.
 */
final class MailWorld implements AutoCloseable {

    static final String USER = "bob";
    static final String PASSWORD = "s3cret-Pa55";
    static final Set<String> READABLE = Set.of("application/pdf", "text/plain", "message/rfc822", "image/png");

    final GreenMail greenMail;
    final AtomicLong ids = new AtomicLong();
    final MemoryAccounts accounts = new MemoryAccounts(ids);
    final MemoryRules rules = new MemoryRules(ids);
    final MemoryProcessedMails processed = new MemoryProcessedMails();
    final StoringConsumer consumer;
    final ListTaskLog tasks = new ListTaskLog();
    final Map<String, Long> correspondents = new LinkedHashMap<>();
    final Path staging;
    Limits limits = Limits.DEFAULT;
    private Store client;

    MailWorld(Path dir) throws IOException {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        greenMail.start();
        greenMail.setUser("bob@example.org", USER, PASSWORD);
        staging = Files.createDirectories(dir.resolve("data/mail/staging"));
        consumer = new StoringConsumer(dir.resolve("consume/failed"));
    }

    int port() {
        return greenMail.getImap().getPort();
    }

    MailAccount account(String name) {
        return account(name, port(), PASSWORD, MailAccount.Security.NONE);
    }

    MailAccount account(String name, int port, String password, MailAccount.Security security) {
        return accounts.create(new MailAccount(null, name, "127.0.0.1", port, security, USER, password, "UTF-8"));
    }

    RuleBuilder rule(MailAccount account) {
        return new RuleBuilder(account.id());
    }

    Services services() {
        return new Services(accounts, rules, processed, consumer, consumer::documentWith, this::correspondent,
                () -> tasks, READABLE::contains);
    }

    Fetcher fetcher() {
        return new Fetcher(services(), new ImapSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), null), staging,
                limits, Clock.systemDefaultZone());
    }

    private synchronized long correspondent(String name) {
        return correspondents.computeIfAbsent(name, n -> 1000L + correspondents.size());
    }

    // ---- the mailbox, as a mail program sees it

    synchronized Store client() throws MessagingException {
        if (client == null || !client.isConnected()) {
            Properties p = new Properties();
            client = Session.getInstance(p).getStore("imap");
            client.connect("127.0.0.1", port(), USER, PASSWORD);
        }
        return client;
    }

    void createFolder(String name) throws MessagingException {
        Folder folder = client().getFolder(name);
        if (!folder.exists()) {
            folder.create(Folder.HOLDS_MESSAGES);
        }
    }

    void deleteFolder(String name) throws MessagingException {
        client().getFolder(name).delete(true);
    }

    void append(String folderName, MimeMessage... messages) throws MessagingException {
        Folder folder = client().getFolder(folderName);
        folder.appendMessages(messages);
    }

    /** The flags of each mail in the folder, by subject. */
    Map<String, Flags> flags(String folderName) throws MessagingException {
        Folder folder = client().getFolder(folderName);
        folder.open(Folder.READ_ONLY);
        try {
            Map<String, Flags> all = new LinkedHashMap<>();
            for (Message m : folder.getMessages()) {
                all.put(m.getSubject(), m.getFlags());
            }
            return all;
        } finally {
            folder.close(false);
        }
    }

    /** Sets a flag as a mail program would. */
    void mark(String folderName, String subject, Flags.Flag flag) throws MessagingException {
        Folder folder = client().getFolder(folderName);
        folder.open(Folder.READ_WRITE);
        try {
            for (Message m : folder.getMessages()) {
                if (subject.equals(m.getSubject())) {
                    m.setFlag(flag, true);
                }
            }
        } finally {
            folder.close(false);
        }
    }

    /** The mail as the server sends it. */
    byte[] raw(String folderName, String subject) throws Exception {
        Folder folder = client().getFolder(folderName);
        folder.open(Folder.READ_ONLY);
        try {
            for (Message m : folder.getMessages()) {
                if (subject.equals(m.getSubject())) {
                    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                    m.writeTo(out);
                    return out.toByteArray();
                }
            }
            throw new AssertionError("no mail " + subject);
        } finally {
            folder.close(false);
        }
    }

    List<String> subjects(String folderName) throws MessagingException {
        return new ArrayList<>(flags(folderName).keySet());
    }

    long uidValidity(String folderName) throws MessagingException {
        UIDFolder folder = (UIDFolder) client().getFolder(folderName);
        ((Folder) folder).open(Folder.READ_ONLY);
        try {
            return folder.getUIDValidity();
        } finally {
            ((Folder) folder).close(false);
        }
    }

    Optional<ProcessedMail> record(String subject) {
        return processed.all().stream().filter(m -> m.subject().equals(subject)).reduce((a, b) -> b);
    }

    @Override
    public void close() throws Exception {
        if (client != null) {
            client.close();
        }
        greenMail.stop();
    }

    /** A rule with paperless-ngx's defaults (INBOX, attachments, mark read, title from subject). */
    final class RuleBuilder {
        private final long accountId;
        String name = "rule-" + ids.get();
        int order;
        boolean enabled = true;
        String folder = "INBOX";
        String from;
        String to;
        String subject;
        String body;
        String include;
        String exclude;
        int maxAge;
        MailRule.AttachmentType attachmentType = MailRule.AttachmentType.ATTACHMENTS_ONLY;
        MailRule.Scope scope = MailRule.Scope.ATTACHMENTS;
        MailRule.TitleSource title = MailRule.TitleSource.SUBJECT;
        MailRule.CorrespondentSource correspondentFrom = MailRule.CorrespondentSource.NOTHING;
        Long correspondentId;
        Long typeId;
        List<Long> tags = List.of();
        MailRule.Action action = MailRule.Action.MARK_READ;
        String parameter;
        boolean stop;

        RuleBuilder(long accountId) {
            this.accountId = accountId;
        }

        RuleBuilder action(MailRule.Action a, String p) {
            action = a;
            parameter = p;
            return this;
        }

        RuleBuilder with(java.util.function.Consumer<RuleBuilder> change) {
            change.accept(this);
            return this;
        }

        MailRule create() {
            return rules.create(new MailRule(null, accountId, name, order, enabled, folder, from, to, subject, body, include,
                    exclude, maxAge, attachmentType, scope, title, correspondentFrom, correspondentId, typeId, tags, action,
                    parameter, stop));
        }
    }
}
