package org.paperless.commands.internal;

import java.util.Optional;

import org.apache.karaf.shell.api.console.Command;
import org.apache.karaf.shell.api.console.Parser;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.parsing.DefaultParser;
import org.apache.karaf.shell.support.parsing.GogoParser;
import org.jline.reader.Buffer;
import org.jline.reader.LineReader;

/**
 * The line being typed at an interactive console. On Enter, Karaf's console runs what the parser of the
 * statement under the cursor returns as its buffer (that statement alone), and it never asks for the
 * statement's rewriting (only scripts, ssh commands and the client do): the parser hands over the whole
 * line, rewritten, itself.
 */
final class ConsoleLine {

    private ConsoleLine() {
    }

    /**
     * @param statement the statement the console asks about
     * @param cursor the cursor within it
     * @return the whole line at the console, when it is being typed and holds this statement under its cursor
     */
    static Optional<String> around(Session session, String statement, int cursor) {
        Object reader = session == null ? null : session.get(".jline.reader");
        if (!(reader instanceof LineReader lineReader) || !lineReader.isReading()) {
            return Optional.empty();
        }
        Buffer buffer = lineReader.getBuffer();
        String line = buffer.toString();
        int start = buffer.cursor() - cursor;
        return start >= 0 && line.startsWith(statement, start) ? Optional.of(line) : Optional.empty();
    }

    /**
     * The line as the shell should run it: the statements of commands that name the parser with their options
     * first, every other statement as typed. Empty when the line cannot be split yet (an open quote): the
     * console then asks for more anyway.
     */
    static Optional<String> toRun(Session session, String line, OptionsAnywhereParser parser) {
        StringBuilder run = new StringBuilder();
        try {
            int pos = 0;
            while (pos < line.length()) {
                String rest = line.substring(pos);
                String name = new GogoParser(rest, rest.length()).value();
                int length;
                if (OptionsAnywhereParser.names(session, name)) {
                    ParsedStatement statement = parser.statement(session, rest, rest.length());
                    run.append(String.join(" ", statement.runWords()));
                    length = statement.getBuffer().length();
                } else {
                    length = parserOf(session, name).parse(session, rest, rest.length()).getBuffer().length();
                    run.append(rest, 0, length);
                }
                if (length < rest.length()) {
                    char separator = rest.charAt(length);
                    if (separator != ';' && separator != '|' && separator != '\n') {
                        return Optional.empty();
                    }
                    run.append(separator == '\n' ? "\n" : " " + separator + " ");
                }
                pos += length + 1;
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(run.toString());
    }

    private static Parser parserOf(Session session, String name) {
        String resolved = session.resolveCommand(name);
        for (Command command : session.getRegistry().getCommands()) {
            if (resolved.equals(command.getScope() + ":" + command.getName()) && command.getParser() != null) {
                return command.getParser();
            }
        }
        return new DefaultParser();
    }
}
