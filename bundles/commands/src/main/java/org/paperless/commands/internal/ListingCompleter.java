package org.paperless.commands.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;

/**
 * A completer that lists what may stand at the cursor; the console keeps what starts with the typed text.
 * Completion must never break the line being typed: when storage fails, it offers nothing.
 */
abstract class ListingCompleter implements Completer {

    /** Adds the candidates for the word at the cursor. */
    protected abstract void list(CommandLine line, List<Candidate> candidates);

    @Override
    public void completeCandidates(Session session, CommandLine line, List<Candidate> candidates) {
        List<Candidate> found = new ArrayList<>();
        try {
            list(line, found);
        } catch (RuntimeException e) {
            return;
        }
        candidates.addAll(found);
    }

    @Override
    public int complete(Session session, CommandLine line, List<String> values) {
        List<Candidate> found = new ArrayList<>();
        completeCandidates(session, line, found);
        found.forEach(c -> values.add(c.value()));
        return found.isEmpty() ? -1 : line.getBufferPosition() - line.getArgumentPosition();
    }
}
