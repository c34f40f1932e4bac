package org.paperless.itests;

import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail's IMAP server in the test JVM, on a free loopback port, without TLS and with logins checked
 * (a wrong password is refused). Only the test JVM uses this class: the test Karaf reaches the server over
 * the network, and the class must not be loaded there (GreenMail is not in the container).
 */
final class GreenMailServer implements AutoCloseable {

    private final GreenMail greenMail;

    /** @param users user names and their passwords */
    GreenMailServer(Map<String, String> users) {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        greenMail.start();
        users.forEach((user, password) -> greenMail.setUser(user + "@example.org", user, password));
    }

    /** For a Pax Exam class: the server lives as long as the test JVM, beside the container it serves. */
    static GreenMailServer untilExit(Map<String, String> users) {
        GreenMailServer server = new GreenMailServer(users);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        return server;
    }

    int port() {
        return greenMail.getImap().getPort();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
