package org.paperless.commands.internal;

import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.CommandLine;

/** Completion candidates as the console wants them; the console itself keeps those that start with the typed text. */
final class Candidates {

    private Candidates() {
    }

    /** A value that completes to one shell word (blanks escaped), shown as typed, with a description. */
    static Candidate of(String value, String description) {
        return new Candidate(ShellWords.escape(value), value, null, description, null, null, true);
    }

    /** What is typed of the word at the cursor. */
    static String typed(CommandLine line) {
        String word = line.getCursorArgument();
        return word == null ? "" : word.substring(0, Math.min(line.getArgumentPosition(), word.length()));
    }
}
