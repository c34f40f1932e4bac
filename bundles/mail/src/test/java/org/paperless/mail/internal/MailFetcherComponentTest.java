package org.paperless.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.Correspondent;
import org.paperless.api.Document;
import org.paperless.api.MatchingAlgorithm;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailFetcher.FetchReport;
import org.paperless.api.mail.MailRule;
import org.paperless.api.parser.DocumentParser;
import org.paperless.api.storage.CorrespondentRepository;
import org.paperless.api.storage.DataFolders;
import org.paperless.api.storage.DocumentRepository;

/**
 * The component as Declarative Services builds it: the staging folder under the data folder, duplicates
 * found through the document repository, the sender's correspondent created in the repository, attachments
 * of types no parser declared left out, and a stop that ends the fetcher.
 */
class MailFetcherComponentTest {

    @TempDir
    Path dir;
    MailWorld world;
    final List<Correspondent> correspondents = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        world = new MailWorld(dir);
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    @SuppressWarnings("unchecked")
    private static <T> T only(Class<T> type, Map<String, java.util.function.Function<Object[], Object>> methods) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            var answer = methods.get(method.getName());
            if (answer == null) {
                throw new UnsupportedOperationException(method.getName() + " is not used by the fetcher");
            }
            return answer.apply(args);
        });
    }

    private MailFetcherComponent component() {
        DocumentRepository documents = only(DocumentRepository.class, Map.of("findByChecksum",
                args -> world.consumer.documentWith((String) args[0]).map(id -> document(id))));
        CorrespondentRepository names = only(CorrespondentRepository.class, Map.of(
                "findByName", args -> correspondents.stream().filter(c -> c.name().equalsIgnoreCase((String) args[0])).findFirst(),
                "create", args -> {
                    Correspondent c = ((Correspondent) args[0]).withId(50L + correspondents.size());
                    correspondents.add(c);
                    return c;
                }));
        DataFolders folders = only(DataFolders.class, Map.of("data", args -> dir.resolve("data")));
        MailFetcherComponent component = new MailFetcherComponent(world.accounts, world.rules, world.processed,
                world.consumer, documents, names, folders);
        component.addParser(only(DocumentParser.class, Map.of()), Map.of(DocumentParser.MIME_TYPES,
                new String[] {"application/pdf", "message/rfc822"}));
        return component;
    }

    private static Document document(long id) {
        return new Document(id, "d", "", null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    @Test
    void fetchesThroughTheRealServicesShapeAndStopsForGood() throws Exception {
        Path leftover = Files.createDirectories(dir.resolve("data/mail/staging/uid-9-123"));
        Files.writeString(leftover.resolve("mail.eml"), "left by a crash");
        MailFetcherComponent component = component();
        assertFalse(Files.exists(leftover), "what a crash left in staging is removed at start");

        MailAccount account = world.account("home");
        world.rule(account).with(r -> r.correspondentFrom = MailRule.CorrespondentSource.NAME).create();
        world.append("INBOX", TestMails.mail("Bill", "Shop Ltd <shop@example.com>", "x", TestMails.pdf("bill.pdf"),
                TestMails.text("notes.txt", "no parser here")));
        world.append("INBOX", TestMails.mail("Copy", "Shop Ltd <shop@example.com>", "x", TestMails.pdf("bill.pdf", "same"),
                TestMails.pdf("again.pdf", "same")));

        FetchReport report = component.fetch(null);

        assertTrue(report.ok(), report.toString());
        assertEquals(List.of("bill.pdf", "bill.pdf"), world.consumer.names(), "no parser declared text/plain; the"
                + " second mail's two equal files are one document");
        assertEquals(1, correspondents.size());
        assertEquals("Shop Ltd", correspondents.get(0).name());
        assertEquals(MatchingAlgorithm.LITERAL, correspondents.get(0).matching().algorithm());
        assertEquals("50", world.consumer.stored().get(0).overrides().correspondent());

        component.deactivate();
        assertThrows(IllegalStateException.class, () -> component.fetch(null));
    }

    @Test
    void aTypeOnceDeclaredStaysConsumedWhileItsParserRestarts() throws Exception {
        MailFetcherComponent component = component();
        DocumentParser text = only(DocumentParser.class, Map.of());
        component.addParser(text, Map.of(DocumentParser.MIME_TYPES, "text/plain, text/csv"));
        component.removeParser(text);
        MailAccount account = world.account("home");
        world.rule(account).create();
        world.append("INBOX", TestMails.mail("Notes", "a@example.com", "x", TestMails.text("notes.txt", "hello")));

        component.fetch(null);

        assertEquals(List.of("notes.txt"), world.consumer.names());
    }
}
