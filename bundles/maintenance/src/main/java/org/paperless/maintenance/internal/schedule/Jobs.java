package org.paperless.maintenance.internal.schedule;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.paperless.api.Document;
import org.paperless.api.backup.Progress;
import org.paperless.api.index.IndexState;
import org.paperless.api.index.SearchIndex;
import org.paperless.api.mail.MailFetcher;
import org.paperless.api.mail.MailFetcher.AccountResult;
import org.paperless.api.mail.MailFetcher.FetchReport;
import org.paperless.api.maintenance.SanityChecker;
import org.paperless.api.matching.DocumentClassifier;
import org.paperless.api.matching.DocumentClassifier.TrainingResult;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.tasks.TaskLog;

/**
 * The work of each scheduled job. Each takes its owning service as it is at the moment of the run (a
 * dynamic reference): when that service is gone, the run is skipped, not failed.
 */
final class Jobs {

    private Jobs() {
    }

    static Callable<Outcome> trainClassifier(Supplier<DocumentClassifier> classifier) {
        return using(classifier, "the classifier is not available (org.paperless.matching is stopped)", c -> {
            TrainingResult result = c.train(false);
            return Outcome.done((result.trained() ? "Trained: " : "Not trained: ") + result.message() + " ("
                    + result.millis() + " ms)");
        });
    }

    static Callable<Outcome> optimizeIndex(Supplier<SearchIndex> index) {
        return using(index, "the search index is not available (org.paperless.index.lucene is stopped)", i -> {
            IndexState state = i.optimize();
            return Outcome.done(String.format(Locale.ROOT, "Optimized: %d documents, %d %s, %.1f MB", state.documents(),
                    state.segments(), state.segments() == 1 ? "segment" : "segments", state.sizeBytes() / 1e6));
        });
    }

    static Callable<Outcome> sanityCheck(Supplier<SanityChecker> checker) {
        return using(checker, "the sanity check is not available (it waits for storage)",
                c -> SanitySummary.of(c.check(Progress.NONE)));
    }

    static Callable<Outcome> emptyTrash(Supplier<DocumentRepository> documents) {
        return using(documents, "storage is not available", repository -> {
            List<Document> removed = repository.emptyExpiredTrash();
            if (removed.isEmpty()) {
                return Outcome.done("Nothing in the trash was older than " + repository.emptyTrashDelay().toDays() + " days");
            }
            return Outcome.done("Removed " + count(removed.size(), "document") + " from the trash for good: "
                    + removed.stream().map(d -> "#" + d.id()).collect(Collectors.joining(", ")));
        });
    }

    static Callable<Outcome> pruneTaskLog(Supplier<TaskLog> tasks, Supplier<Duration> kept, Clock clock) {
        return using(tasks, "storage is not available", log -> {
            Duration keep = kept.get();
            int removed = log.prune(clock.instant().minus(keep));
            return Outcome.done("Removed " + count(removed, "task") + " older than " + keep.toDays() + " days");
        });
    }

    /**
     * Every account's mail. A fetch already running (started from the console) makes this run skipped; an
     * account that could not be fetched, or a mail that failed, makes it failed, with each account's line.
     */
    static Callable<Outcome> fetchMail(Supplier<MailFetcher> fetcher) {
        return using(fetcher, "mail fetching is not available (org.paperless.mail is stopped)", f -> {
            FetchReport report;
            try {
                report = f.fetch(null);
            } catch (IllegalStateException busy) {
                return Outcome.skipped(busy.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.skipped("stopped: " + e.getMessage());
            }
            if (report.accounts().isEmpty()) {
                return Outcome.done("No mail account");
            }
            int mails = report.accounts().stream().mapToInt(AccountResult::mailsConsumed).sum();
            int documents = report.accounts().stream().mapToInt(AccountResult::documents).sum();
            String summary = count(mails, "mail") + " consumed (" + count(documents, "document") + ") from "
                    + count(report.accounts().size(), "account");
            List<String> problems = report.accounts().stream().filter(a -> a.error() != null || a.failedMails() > 0)
                    .map(a -> a.account() + ": " + (a.error() != null ? a.error() : "")
                            + (a.failedMails() > 0 ? (a.error() != null ? "; " : "") + count(a.failedMails(), "mail")
                                    + " failed, left for the next fetch" : ""))
                    .toList();
            return problems.isEmpty() ? Outcome.done(summary) : Outcome.failed(summary + "; " + String.join("; ", problems));
        });
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Work that throws fails the run; {@link ScheduledJob} records why. */
    private interface Work<S> {
        Outcome run(S service) throws Exception;
    }

    private static <S> Callable<Outcome> using(Supplier<S> service, String absent, Work<S> work) {
        return () -> {
            S current = service.get();
            return current == null ? Outcome.skipped(absent) : work.run(current);
        };
    }
}
