package org.paperless.commands.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.apache.karaf.shell.impl.console.JLineTerminal;
import org.jline.terminal.impl.DumbTerminal;

/** Karaf's interactive console (line editor, completion, history) on a terminal fed with keystrokes, as over ssh. */
final class KarafConsole implements AutoCloseable {

    private final PipedOutputStream keys = new PipedOutputStream();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Session session;
    private final Thread thread;

    KarafConsole(SessionFactory factory) throws IOException {
        PipedInputStream in = new PipedInputStream(keys, 65536);
        PrintStream print = new PrintStream(screen, true, StandardCharsets.UTF_8);
        DumbTerminal terminal = new DumbTerminal("test", "dumb", in, screen, StandardCharsets.UTF_8);
        session = factory.create(in, print, print, new JLineTerminal(terminal), "UTF-8", null);
        thread = new Thread(session, "test console");
        thread.setDaemon(true);
        thread.start();
    }

    /** Types a line and Enter, then waits until the screen shows the text. */
    String enter(String line, String awaited) throws Exception {
        keys.write((line + "\r").getBytes(StandardCharsets.UTF_8));
        keys.flush();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!screen().contains(awaited)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("'" + awaited + "' did not show; the screen:\n" + screen());
            }
            Thread.sleep(20);
        }
        return screen();
    }

    String screen() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() throws Exception {
        session.close();
        thread.join(5000);
    }
}
