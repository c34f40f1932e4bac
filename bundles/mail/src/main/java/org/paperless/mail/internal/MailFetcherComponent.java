package org.paperless.mail.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.paperless.api.ConflictException;
import org.paperless.api.Correspondent;
import org.paperless.api.Document;
import org.paperless.api.Matching;
import org.paperless.api.MatchingAlgorithm;
import org.paperless.api.consumer.DocumentConsumer;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailAccounts;
import org.paperless.api.mail.MailFetcher;
import org.paperless.api.mail.MailRules;
import org.paperless.api.mail.ProcessedMails;
import org.paperless.api.parser.DocumentParser;
import org.paperless.api.parser.ParserRegistry;
import org.paperless.api.storage.CorrespondentRepository;
import org.paperless.api.storage.DataFolders;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.tasks.TaskLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mail fetcher as a service (paperless-ngx's mail fetcher, with every mail consumed exactly once). Its
 * references are static: when storage or the consumer goes, the component stops its running fetch and goes
 * too, and the next one finishes what was left PENDING or STORED. The staging folder is
 * {@code <data>/mail/staging}.
 */
@Component(service = MailFetcher.class)
public class MailFetcherComponent implements MailFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(MailFetcherComponent.class);
    /** How long a stop waits for the fetch it ended (a document being consumed finishes first). */
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TaskLog taskLog;

    private final ParserRegistry parsers = new ParserRegistry();
    /**
     * Every type a parser declared while this component lived: an attachment of such a type is consumed even
     * while its parser restarts (the consumer then refuses it, and the mail is tried again), rather than left
     * out for good while the mail's other attachments are consumed and its action runs.
     */
    private final Set<String> typesSeen = ConcurrentHashMap.newKeySet();
    private final Fetcher fetcher;

    @Activate
    public MailFetcherComponent(@Reference MailAccounts accounts, @Reference MailRules rules,
            @Reference ProcessedMails processed, @Reference DocumentConsumer consumer,
            @Reference DocumentRepository documents, @Reference CorrespondentRepository correspondents,
            @Reference DataFolders folders) {
        Path staging = folders.data().resolve("mail").resolve("staging");
        try {
            StagedFiles.clear(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the mail staging folder " + staging, e);
        }
        Services services = new Services(accounts, rules, processed, consumer,
                sha256 -> documents.findByChecksum(sha256).map(Document::id),
                name -> correspondentFor(name, correspondents), () -> taskLog,
                type -> typesSeen.contains(type) || parsers.forType(type).isPresent());
        this.fetcher = new Fetcher(services, ImapSettings.fromEnvironment(System.getenv()), staging, Limits.DEFAULT,
                Clock.systemDefaultZone());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addParser(DocumentParser parser, Map<String, Object> properties) {
        parsers.add(parser, properties);
        Object types = properties.get(DocumentParser.MIME_TYPES);
        if (types instanceof String text) {
            typesSeen.addAll(List.of(text.split("\\s*,\\s*")));
        } else if (types instanceof String[] list) {
            typesSeen.addAll(List.of(list));
        }
    }

    void removeParser(DocumentParser parser) {
        parsers.remove(parser);
    }

    @Override
    public FetchReport fetch(String account) throws InterruptedException {
        return fetcher.fetch(account);
    }

    @Override
    public List<String> test(MailAccount account) {
        return fetcher.test(account);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (!fetcher.stop(STOP_WAIT)) {
            LOG.warn("A mail fetch was still running {} s after it was told to stop; what it leaves undone is"
                    + " finished by the next fetch", STOP_WAIT.toSeconds());
        }
    }

    /** paperless-ngx creates the sender's correspondent, matching its name literally. */
    private static long correspondentFor(String name, CorrespondentRepository correspondents) {
        return correspondents.findByName(name).map(Correspondent::id).orElseGet(() -> {
            String match = name.length() > Matching.MAX_MATCH_LENGTH ? name.substring(0, Matching.MAX_MATCH_LENGTH) : name;
            try {
                return correspondents.create(new Correspondent(null, name, new Matching(match, MatchingAlgorithm.LITERAL,
                        true))).id();
            } catch (ConflictException e) {
                // created at the same moment by someone else
                return correspondents.findByName(name).orElseThrow(() -> e).id();
            }
        });
    }
}
