package org.paperless.commands.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailAccounts;

/** The options of mail-account-add and -change; what is not given is taken from {@code base}. */
abstract class MailAccountOptions implements Action {

    @Option(name = "--host", description = "The IMAP server")
    String host;

    @Option(name = "--port", description = "The IMAP port (default 993 with ssl, else 143)")
    Integer port;

    @Option(name = "--security", description = "none, ssl or starttls (default ssl)")
    String security;

    @Option(name = "--user", description = "The login name")
    String user;

    @Option(name = "--password", description = "The password (it is stored encrypted and never shown);"
            + " --password-file keeps it out of the shell history")
    String password;

    @Completion(FileCompleter.class)
    @Option(name = "--password-file", description = "Read the password from the first line of this file")
    String passwordFile;

    @Option(name = "--charset", description = "The character set the server is spoken to in (default UTF-8)")
    String charset;

    @Reference(optional = true)
    MailAccounts accounts;

    MailAccounts accounts() {
        return Capabilities.storage(accounts);
    }

    MailAccount applyTo(MailAccount base, String name) throws IOException {
        if (password != null && passwordFile != null) {
            throw new IllegalArgumentException("Give --password or --password-file, not both");
        }
        String secret = passwordFile != null ? firstLine(Path.of(passwordFile)) : password;
        return new MailAccount(base == null ? null : base.id(), name,
                host != null ? host : base == null ? null : base.host(),
                port != null ? port : base == null ? null : base.port(),
                security != null ? MailAccount.Security.parse(security)
                        : base == null ? MailAccount.Security.SSL : base.security(),
                user != null ? user : base == null ? null : base.user(),
                secret != null ? secret : base == null ? "" : base.password(),
                charset != null ? charset : base == null ? null : base.characterSet());
    }

    static String describe(MailAccount a) {
        return "#" + a.id() + " '" + a.name() + "' (" + a.user() + " at " + a.host() + ":" + a.effectivePort() + ", "
                + Choices.spell(a.security()) + ")";
    }

    private static String firstLine(Path file) throws IOException {
        if (Files.size(file) > 64 * 1024) {
            throw new IllegalArgumentException(file + " is too big to hold a password (over 64 KB)");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).replace("\r", "");
    }
}
