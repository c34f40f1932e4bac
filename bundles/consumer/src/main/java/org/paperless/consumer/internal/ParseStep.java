package org.paperless.consumer.internal;

import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.paperless.api.parser.DocumentParser;
import org.paperless.api.parser.ParseException;
import org.paperless.api.parser.ParsedDocument;
import org.paperless.api.parser.ParserRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A staged file through the parser of its type. A parser whose bundle is restarting or being updated is
 * waited for (bounded); a parse that failed because its parser went away meanwhile is done again by the
 * parser that comes back, so a swap costs time, never a document. A parser whose bundle is updated or refreshed
 * under it loses its classes (a LinkageError such as NoClassDefFoundError) sometimes before its service is gone:
 * that too is a swap, not a damaged file.
 */
final class ParseStep {

    private static final Logger LOG = LoggerFactory.getLogger(ParseStep.class);
    /** Parses of one file, the first included, while parsers come and go. */
    static final int ATTEMPTS = 3;
    /** How long a parser that lost its classes gets to be replaced before it is asked again. */
    static final Duration SWAP_WAIT = Duration.ofSeconds(5);

    private final ParserRegistry parsers;
    private final Supplier<Duration> waitLimit;

    ParseStep(ParserRegistry parsers, Supplier<Duration> waitLimit) {
        this.parsers = parsers;
        this.waitLimit = waitLimit;
    }

    /** @throws InterruptedException when the consumer stops while the file waits for its parser */
    ParsedDocument parse(Path staged, String mime) throws Refusal, InterruptedException {
        for (int attempt = 1;; attempt++) {
            DocumentParser parser = parserFor(mime);
            try {
                return parser.parse(staged, mime);
            } catch (ParseException | RuntimeException | LinkageError e) {
                boolean lostClasses = lostClasses(e);
                if (lostClasses && attempt < ATTEMPTS) {
                    Thread.interrupted(); // see below
                    awaitSwap(parser, mime);
                }
                if (attempt < ATTEMPTS && (wentAway(parser, mime) || lostClasses)) {
                    // An interrupt that stopped the old parser's work was meant for it, not for this thread:
                    // left set, it would cut the next read short (ClosedByInterruptException).
                    Thread.interrupted();
                    LOG.info("The parser of {} went away while it read {} ({}); reading it again", mime,
                            staged.getFileName(), e.toString());
                    continue;
                }
                if (interrupted(e)) {
                    // Not the file's fault: its read was cut off (the consumer is stopping). It stays where it
                    // is and is read again, never refused.
                    InterruptedException stop = new InterruptedException("reading " + staged.getFileName() + " was interrupted");
                    stop.initCause(e);
                    throw stop;
                }
                throw e instanceof ParseException ? new Refusal(e.getMessage(), e)
                        : new Refusal("The " + mime + " parser failed: " + e, e);
            }
        }
    }

    private DocumentParser parserFor(String mime) throws Refusal, InterruptedException {
        Duration limit = waitLimit.get();
        Optional<DocumentParser> parser = parsers.forType(mime, limit);
        if (parser.isPresent()) {
            return parser.get();
        }
        String away = parsers.absence(mime);
        if (away == null) {
            throw new Refusal("No parser reads " + mime + " files (the type was detected from the file's content)."
                    + " Is the parser's feature installed?");
        }
        throw new Refusal("No parser for " + mime + " came back within " + limit.toSeconds() + " s (" + away
                + "). Start it again (bundle:start, feature:install), then put the file into the consume folder again");
    }

    /** An interrupted thread, or a read that an interrupt closed (ClosedByInterruptException and the like). */
    static boolean interrupted(Throwable failure) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ClosedByInterruptException || t instanceof InterruptedIOException
                    || t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    /** A class of the parser (or of a service it called) could not be loaded: its bundle is in the middle of a swap. */
    static boolean lostClasses(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LinkageError) {
                return true;
            }
        }
        return false;
    }

    /** Waits, briefly, for the framework to take away a parser whose bundle is being updated or refreshed. */
    private void awaitSwap(DocumentParser parser, String mime) throws InterruptedException {
        long deadline = System.nanoTime() + SWAP_WAIT.toNanos();
        while (!wentAway(parser, mime) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Whether the parser that failed is no longer the one for its type (stopped, updated, replaced). */
    private boolean wentAway(DocumentParser parser, String mime) {
        return parsers.forType(mime).orElse(null) != parser;
    }
}
