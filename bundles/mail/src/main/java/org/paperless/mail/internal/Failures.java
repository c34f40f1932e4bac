package org.paperless.mail.internal;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedByInterruptException;

import javax.net.ssl.SSLException;

import org.paperless.api.mail.MailAccount;

import org.eclipse.angus.mail.iap.ConnectionException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderClosedException;
import jakarta.mail.StoreClosedException;

/** Messages a person can act on, never with the password in them. */
final class Failures {

    private static final int MAX = 2000;

    private Failures() {
    }

    /** Why an account could not be fetched. */
    static String account(Throwable e, MailAccount account) {
        String where = account.host() + ":" + account.effectivePort();
        String text;
        if (e instanceof AuthenticationFailedException) {
            text = "Login as '" + account.user() + "' at " + where + " failed: " + message(e)
                    + " (check the user and the password)";
        } else if (find(e, UnknownHostException.class) != null) {
            text = "Unknown host " + account.host();
        } else if (find(e, SSLException.class) != null) {
            text = "TLS with " + where + " failed: " + message(find(e, SSLException.class))
                    + " (for a server with its own certificate authority, name its certificate in"
                    + " PAPERLESS_EMAIL_CERTIFICATE_LOCATION)";
        } else if (find(e, ConnectException.class) != null) {
            text = "Cannot connect to " + where + ": " + message(find(e, ConnectException.class));
        } else if (find(e, FolderClosedException.class) != null || find(e, StoreClosedException.class) != null
                || find(e, ConnectionException.class) != null || find(e, java.net.SocketException.class) != null) {
            text = "The connection to " + where + " was lost" + detail(e);
        } else if (find(e, SocketTimeoutException.class) != null) {
            text = "No answer from " + where + " in time: " + message(find(e, SocketTimeoutException.class));
        } else {
            text = message(e) + " (" + where + ")";
        }
        return hidden(text, account.password());
    }

    private static String detail(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && !m.isBlank() && !m.strip().matches("[\\w.$]+Exception")) {
                return ": " + (m.length() > MAX ? m.substring(0, MAX) + "..." : m.strip());
            }
        }
        return "";
    }

    /** The first message in the chain, or the class name. */
    static String message(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                String m = t.getMessage().strip();
                return m.length() > MAX ? m.substring(0, MAX) + "..." : m;
            }
        }
        return e.getClass().getSimpleName();
    }

    static String hidden(String text, String password) {
        if (text == null || password == null || password.length() < 3) {
            return text;
        }
        return text.replace(password, "(hidden)");
    }

    static boolean isInterruption(Throwable e) {
        return find(e, InterruptedException.class) != null || find(e, ClosedByInterruptException.class) != null
                || (find(e, InterruptedIOException.class) != null && find(e, SocketTimeoutException.class) == null);
    }

    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
