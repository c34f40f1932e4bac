package org.paperless.commands.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.felix.gogo.runtime.Token;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.apache.karaf.shell.api.console.Command;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Parser;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.impl.action.command.ManagerImpl;
import org.apache.karaf.shell.impl.console.CommandWrapper;
import org.apache.karaf.shell.impl.console.SessionFactoryImpl;
import org.apache.karaf.shell.impl.console.parsing.CommandLineParser;

/**
 * Karaf's own shell, as the console runs it, without OSGi: a session factory, the manager that turns action
 * classes into commands (and registers parsers and completers), and a headless session. The paperless
 * parser is always there.
 */
final class KarafShell implements AutoCloseable {

    private final ThreadIOImpl threadIO = new ThreadIOImpl();
    private final SessionFactoryImpl factory;
    private final ManagerImpl manager;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final Session session;

    KarafShell(Class<?>... classes) {
        threadIO.start();
        factory = new SessionFactoryImpl(threadIO) {
            @Override
            protected Function wrap(Command command) {
                return new TextArguments(command);
            }
        };
        manager = new ManagerImpl(factory, factory);
        // Every paperless command names this parser; without it, Karaf refuses to run them.
        manager.register(OptionsAnywhereParser.class);
        for (Class<?> c : classes) {
            if (c != OptionsAnywhereParser.class) {
                manager.register(c);
            }
        }
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        session = factory.create(new ByteArrayInputStream(new byte[0]), print, print);
    }

    /** Words reach commands as text, as in the console, whose secured session factory turns Gogo's tokens into strings. */
    private static final class TextArguments extends CommandWrapper {

        TextArguments(Command command) {
            super(command);
        }

        @Override
        public Object execute(CommandSession session, List<Object> arguments) throws Exception {
            arguments.replaceAll(a -> a instanceof Token ? a.toString() : a);
            return super.execute(session, arguments);
        }
    }

    /** Runs a line as the console does; returns what the command's execute() returned. */
    Object execute(String line) throws Exception {
        return session.execute(line);
    }

    /** The line as the shell gets it after each command's parser rewrote its statement. */
    String rewritten(String line) {
        return CommandLineParser.parse(session, line);
    }

    /** The line as completion sees it with the cursor at its end. */
    CommandLine forCompletion(String line) {
        return forCompletion(line, line.length());
    }

    /** The line as completion sees it with the cursor at a place (the console cuts blanks off the end of a statement). */
    CommandLine forCompletion(String line, int cursor) {
        Command command = command(line.trim().split("\\s+")[0]);
        Parser parser = command.getParser();
        return parser.parse(session, line, cursor);
    }

    Command command(String name) {
        String[] parts = session.resolveCommand(name).split(":");
        return session.getRegistry().getCommand(parts[0], parts[1]);
    }

    /** An interactive console of the same shell. */
    KarafConsole console() throws java.io.IOException {
        return new KarafConsole(factory);
    }

    String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        session.close();
        factory.stop();
        threadIO.stop();
    }
}
