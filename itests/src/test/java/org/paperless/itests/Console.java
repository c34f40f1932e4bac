package org.paperless.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;

/**
 * Runs console commands inside the test Karaf as a user with the given roles: the command ACLs hide
 * every command from a session without a subject.
 */
final class Console {

    private final SessionFactory sessions;

    Console(SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** The roles of the admin group the distribution creates. */
    String admin(String command) throws Exception {
        return as("admin,manager,viewer,systembundles", command);
    }

    /** @param roles comma-separated role names */
    String as(String roles, String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Set<java.security.Principal> principals = new java.util.HashSet<>();
        principals.add(new UserPrincipal("it-" + roles.split(",")[0]));
        for (String role : roles.split(",")) {
            principals.add(new RolePrincipal(role));
        }
        Subject subject = new Subject(false, principals, Set.of(), Set.of());
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            // The session's threads inherit the subject only when the session is created inside doAs.
            Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> {
                Session session = sessions.create(new ByteArrayInputStream(new byte[0]), out, out);
                try {
                    return session.execute(command);
                } finally {
                    session.close();
                }
            });
        } catch (java.security.PrivilegedActionException e) {
            throw e.getException();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
