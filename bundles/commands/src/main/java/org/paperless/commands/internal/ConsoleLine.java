package org.paperless.commands.internal;

import java.util.Optional;

import org.apache.karaf.shell.api.console.Session;
import org.jline.reader.Buffer;
import org.jline.reader.LineReader;

/**
 * The line being typed at an interactive console. On Enter, Karaf's console runs what the parser of the
 * statement under the cursor returns as its buffer, and it never asks for the statement's rewriting (only
 * scripts, ssh commands and the client do): the parser must hand over the whole line, rewritten, itself.
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
}
