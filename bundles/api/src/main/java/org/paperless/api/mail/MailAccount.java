package org.paperless.api.mail;

import java.util.Locale;
import java.util.Objects;

/**
 * An IMAP mailbox to fetch from. The password is the clear text (storage keeps it encrypted); it never
 * appears in {@link #toString()}.
 *
 * @param id the database's, null before it is stored
 * @param name unique, compared case-insensitively
 * @param port null for the security's usual port (143, or 993 with SSL)
 * @param characterSet what the server is spoken to in (searches), such as UTF-8 or US-ASCII
 */
public record MailAccount(Long id, String name, String host, Integer port, Security security, String user,
        String password, String characterSet) {

    /** How the connection is secured. */
    public enum Security {
        NONE, SSL, STARTTLS;

        /** none, ssl, starttls; anything else is refused with the choices. */
        public static Security parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown security '" + text + "': use none, ssl or starttls", e);
            }
        }
    }

    public MailAccount {
        name = requireText(name, "name");
        host = requireText(host, "host");
        user = requireText(user, "user");
        Objects.requireNonNull(security, "security");
        password = password == null ? "" : password;
        characterSet = characterSet == null || characterSet.isBlank() ? "UTF-8" : characterSet.trim();
        if (port != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("The port must be between 1 and 65535, not " + port);
        }
    }

    /** The port to connect to. */
    public int effectivePort() {
        return port != null ? port : security == Security.SSL ? 993 : 143;
    }

    public MailAccount withId(Long newId) {
        return new MailAccount(newId, name, host, port, security, user, password, characterSet);
    }

    @Override
    public String toString() {
        return "MailAccount[id=" + id + ", name=" + name + ", host=" + host + ", port=" + port + ", security="
                + security + ", user=" + user + ", password=(hidden), characterSet=" + characterSet + "]";
    }

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The " + what + " must not be empty");
        }
        if (value.length() > 256) {
            throw new IllegalArgumentException("The " + what + " is longer than 256 characters");
        }
        return value.trim();
    }
}
