package org.paperless.mail.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.paperless.api.mail.MailAccount;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

/**
 * Logs in to an account's IMAP server: SSL, STARTTLS (required, never a silent fallback to plain text) or
 * plain; the host name checked against the certificate; bounded connection and read times; mails read in
 * 4 MB pieces without marking them read. The caller sets the bundle's class loader as the thread's context
 * class loader (jakarta.mail finds its IMAP provider through it).
 */
final class ImapConnector {

    /**
     * Mails come in pieces of this size: memory stays bounded for a 100 MB mail, and few round trips (a
     * server that serves each piece from the whole mail, as GreenMail does, costs quadratic time in pieces).
     */
    static final int FETCH_BLOCK = 4 << 20;

    private final ImapSettings settings;

    ImapConnector(ImapSettings settings) {
        this.settings = settings;
    }

    Store connect(MailAccount account, Connections connections) throws MessagingException {
        String protocol = account.security() == MailAccount.Security.SSL ? "imaps" : "imap";
        Session session = Session.getInstance(properties(protocol, account.security(), connections));
        Store store = session.getStore(protocol);
        store.connect(account.host(), account.effectivePort(), account.user(), account.password());
        return store;
    }

    /** Every folder of the account by its full name, sub-folders in the server's own path syntax. */
    static List<String> folders(Store store) throws MessagingException {
        List<String> names = new ArrayList<>();
        for (Folder folder : store.getDefaultFolder().list("*")) {
            names.add(folder.getFullName());
        }
        names.sort(String.CASE_INSENSITIVE_ORDER);
        return names;
    }

    private Properties properties(String protocol, MailAccount.Security security, Connections connections) {
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.put("mail.store.protocol", protocol);
        props.put(p + "connectiontimeout", String.valueOf(settings.connectTimeout().toMillis()));
        props.put(p + "timeout", String.valueOf(settings.readTimeout().toMillis()));
        props.put(p + "writetimeout", String.valueOf(settings.readTimeout().toMillis()));
        props.put(p + "partialfetch", "true");
        props.put(p + "fetchsize", String.valueOf(FETCH_BLOCK));
        // Reading a mail must not mark it read: only the rule's action changes the mail.
        props.put(p + "peek", "true");
        props.put(p + "socketFactory", connections.plain());
        props.put(p + "socketFactory.fallback", "false");
        props.put(p + "ssl.socketFactory", connections.secure());
        props.put(p + "ssl.checkserveridentity", "true");
        boolean starttls = security == MailAccount.Security.STARTTLS;
        props.put(p + "starttls.enable", String.valueOf(starttls));
        props.put(p + "starttls.required", String.valueOf(starttls));
        props.put("mail.mime.address.strict", "false");
        return props;
    }
}
