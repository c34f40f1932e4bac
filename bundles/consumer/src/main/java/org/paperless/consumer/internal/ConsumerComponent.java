package org.paperless.consumer.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.paperless.api.Document;
import org.paperless.api.config.Settings;
import org.paperless.api.consumer.ConsumeOverrides;
import org.paperless.api.consumer.ConsumptionException;
import org.paperless.api.consumer.ConsumptionPause;
import org.paperless.api.consumer.DocumentConsumer;
import org.paperless.api.matching.DocumentMatcher;
import org.paperless.api.parser.DocumentParser;
import org.paperless.api.parser.ParserRegistry;
import org.paperless.api.runtime.AwaitedService;
import org.paperless.api.runtime.ServiceWait;
import org.paperless.api.storage.CorrespondentRepository;
import org.paperless.api.storage.DataFolders;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.tasks.TaskLog;
import org.paperless.api.storage.DocumentTypeRepository;
import org.paperless.api.storage.MediaStore;
import org.paperless.api.storage.WebpEncoder;
import org.paperless.api.storage.StoragePathRepository;
import org.paperless.api.storage.TagRepository;
import org.paperless.consumer.internal.dates.DateFinder;
import org.paperless.consumer.internal.naming.FilenameFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumption pipeline: stage a copy, checksum, type from the bytes, parse, refuse duplicates,
 * store files and row, then remove the source. Whatever goes wrong, the source ends up in failed/
 * with the reason beside it, and neither a row nor a media file is left behind. Links are never
 * followed, not even for a file given by path: a link could bring in any file the service can read.
 * Several files are read at once (PAPERLESS_TASK_WORKERS); the files of one source (the consume folder,
 * one batch) are stored in the order they were handed in.
 */
// Immediate: what a crash left half consumed is recovered at start (paperless:status waits for it).
@Component(service = {DocumentConsumer.class, FolderConsumer.class, ConsumptionPause.class},
        configurationPid = ConsumerConfig.PID, immediate = true)
public class ConsumerComponent implements DocumentConsumer, FolderConsumer, ConsumptionPause {

    private static final String STAGING = "tmp/consume";
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerComponent.class);

    private final ParserRegistry parsers = new ParserRegistry(true);
    private final MimeDetector mimeDetector = new MimeDetector();
    private final Consumption consumption;
    private final ConsumptionPool pool;
    /**
     * The matching rules, when the matching bundle runs; without it only overrides and inbox tags apply.
     * While it restarts, documents wait for it.
     */
    private final AwaitedService<DocumentMatcher> matcher = new AwaitedService<>("Matching (org.paperless.matching)");

    /** The task list (paperless:tasks), when storage offers it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TaskLog taskLog;

    /** Makes thumbnails WebP, as paperless-ngx keeps them; without it (or cwebp) they stay PNG. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile WebpEncoder webp;

    private final Admission admission = new Admission();
    /** How long a component that goes away waits for the documents it is consuming. */
    private static final Duration DRAIN = Duration.ofMinutes(2);

    @Activate
    public ConsumerComponent(@Reference DocumentRepository documents, @Reference MediaStore media,
            @Reference DataFolders folders, @Reference CorrespondentRepository correspondents,
            @Reference DocumentTypeRepository types, @Reference TagRepository tags,
            @Reference StoragePathRepository paths, ConsumerConfig config) {
        int parallelism = ConsumptionPool.parallelism(config, System.getenv());
        Journal journal = new Journal(folders.data().resolve("tmp/journal"));
        Pipeline pipeline = new Pipeline(documents, media, mimeDetector, parsers, new Overrides(correspondents, types, tags, paths),
                filenameFormat(config, System.getenv()), dateFinder(config, System.getenv()), scripts(config, System.getenv()),
                journal, matcher, ServiceWait::limit, () -> webp);
        this.consumption = new Consumption(pipeline, folders.data().resolve(STAGING), new FailedFolder(folders.consumption()),
                new TaskRecords(() -> taskLog));
        clearStaging(folders.data().resolve(STAGING));
        journal.recover(checksum -> documents.findByChecksum(checksum).isPresent());
        // Last: nothing after it may fail and leave its threads behind.
        this.pool = new ConsumptionPool(parallelism);
        LOG.info("Consuming up to {} documents at once", parallelism);
    }

    /** Copies left by a crash in the middle of a consumption; their sources are still where they were. */
    private static void clearStaging(Path root) {
        try (var leftovers = Files.list(root)) {
            for (Path p : leftovers.toList()) {
                Staging.delete(p);
            }
        } catch (NoSuchFileException e) {
            // nothing staged yet
        } catch (IOException e) {
            LOG.warn("Could not clear {}: {}", root, e.toString());
        }
    }

    /** A broken format stops the component with the reason in the log, rather than filing documents wrongly. */
    static FilenameFormat filenameFormat(ConsumerConfig config, Map<String, String> env) {
        Settings s = Settings.of(env::get);
        String template = s.string("filenameFormat", config.filenameFormat(), "PAPERLESS_FILENAME_FORMAT", null);
        if (template == null) {
            return null;
        }
        return new FilenameFormat(template, s.bool("filenameFormatRemoveNone", config.filenameFormatRemoveNone(),
                "PAPERLESS_FILENAME_FORMAT_REMOVE_NONE", false));
    }

    static DateFinder dateFinder(ConsumerConfig config, Map<String, String> env) {
        DateFinder.Order order = Settings.of(env::get).choice("dateOrder", config.dateOrder(), "PAPERLESS_DATE_ORDER",
                DateFinder.Order.class, DateFinder.Order.DMY);
        return new DateFinder(order, Clock.systemDefaultZone());
    }

    static ConsumeScripts scripts(ConsumerConfig config, Map<String, String> env) {
        Settings s = Settings.of(env::get);
        return new ConsumeScripts(s.string("preConsumeScript", config.preConsumeScript(), "PAPERLESS_PRE_CONSUME_SCRIPT", null),
                s.string("postConsumeScript", config.postConsumeScript(), "PAPERLESS_POST_CONSUME_SCRIPT", null));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindMatcher")
    void bindMatcher(DocumentMatcher rules) {
        matcher.bind(rules);
    }

    void unbindMatcher(DocumentMatcher rules) {
        matcher.unbind(rules);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addParser(DocumentParser parser, Map<String, Object> properties) {
        parsers.add(parser, properties);
    }

    void removeParser(DocumentParser parser) {
        parsers.remove(parser);
    }

    @Override
    public Document consume(Path file, ConsumeOverrides overrides) {
        return consumeFound(file, null, overrides);
    }

    /** On the calling thread: a file given alone waits for no other file's turn. */
    @Override
    public Document consumeFound(Path file, FileIdentity seen, ConsumeOverrides overrides) {
        Path source = admission.admit(file);
        try (Slot slot = pool.alone()) {
            return consumeHere(slot, source, seen, overrides);
        }
    }

    @Override
    public ArrivalOrder newArrivalOrder() {
        return pool.newOrder();
    }

    /**
     * Consumes the file on one of the consumer's threads. Waits while the source has a window's worth of
     * files in flight; the future fails with a ConsumptionException (FileChangedException or
     * ConsumptionPausedException when the file stays where it is).
     */
    @Override
    public CompletableFuture<Document> submit(ArrivalOrder order, Path file, FileIdentity seen,
            ConsumeOverrides overrides) throws InterruptedException {
        CompletableFuture<Document> result = new CompletableFuture<>();
        // Tickets and jobs in the same order: the pool starts jobs in the order they come.
        synchronized (order) {
            long ticket = order.arrive();
            Path source;
            try {
                source = admission.admit(file);
            } catch (ConsumptionException e) {
                order.pass(ticket);
                result.completeExceptionally(e);
                return result;
            }
            Slot slot = pool.slot(order, ticket);
            pool.execute(new ConsumptionPool.Job() {
                /** The caller hears of a refusal before the turn passes, so refusals too are reported in order. */
                @Override
                public void run() {
                    try {
                        result.complete(consumeHere(slot, source, seen, overrides));
                    } catch (Throwable e) { // an Error too: the thread must live on, the caller hears of it
                        result.completeExceptionally(e);
                    } finally {
                        slot.close();
                    }
                }

                @Override
                public void abandon() {
                    slot.close();
                    admission.release(source);
                    result.completeExceptionally(new ConsumptionPausedException(source, "the consumer restarts"));
                }
            });
        }
        return result;
    }

    @Override
    public void consumeAll(List<Path> files, ConsumeOverrides overrides, Consumer<Outcome> each)
            throws InterruptedException {
        consumeEach(files.stream().map(file -> new Request(file, overrides)).toList(), each);
    }

    @Override
    public void consumeEach(List<Request> requests, Consumer<Outcome> each) throws InterruptedException {
        Batch.consume(this, requests, each);
    }

    /** An admitted file, on the calling thread, once it has a reading permit; the caller closes the slot. */
    private Document consumeHere(Slot slot, Path source, FileIdentity seen, ConsumeOverrides overrides) {
        try {
            slot.startReading();
            return consumption.consume(source, seen, overrides, slot);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConsumptionPausedException.interrupted(source);
        } finally {
            admission.release(source);
        }
    }

    @Override
    public Held pause(String reason, Duration timeout) throws InterruptedException {
        return admission.pause(reason, timeout);
    }

    /** Why consumption is held now (an import), or null. */
    @Override
    public String pausedFor() {
        return admission.pausedFor();
    }

    /**
     * The consumptions in flight finish before the next component starts: its recovery at start would
     * otherwise take their journal entries and staged copies for a crash's leftovers.
     */
    @Deactivate
    void deactivate() throws InterruptedException {
        // Files waiting for a parser or the rules stay where they are instead of holding up the stop.
        parsers.close();
        matcher.close();
        if (!admission.close(DRAIN)) {
            LOG.warn("Documents were still being consumed after {} s while the consumer stopped", DRAIN.toSeconds());
        }
        pool.close(Duration.ofSeconds(5));
    }
}
