package org.paperless.commands.internal;

import org.paperless.api.backup.Progress;

/** A progress line that rewrites itself: "Exported 120 of 4000 documents". */
final class ProgressLine {

    private ProgressLine() {
    }

    static Progress of(boolean off, String verb) {
        if (off) {
            return Progress.NONE;
        }
        return (done, total) -> {
            System.out.printf("\r%s %d of %d documents", verb, done, total);
            System.out.flush();
        };
    }

    static void end(boolean off) {
        if (!off) {
            System.out.println();
        }
    }
}
