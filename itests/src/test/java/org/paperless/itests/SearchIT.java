package org.paperless.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.paperless.api.consumer.DocumentConsumer;
import org.paperless.api.index.SearchIndex;
import org.paperless.api.storage.DataFolders;
import org.paperless.api.storage.DocumentRepository;

/** paperless:search and friends on the real distribution, fed by real consumption. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SearchIT {

    private static final long STARTUP = 60_000;
    private static final String INDEX_BUNDLE = "org.paperless.index.lucene";

    @Inject
    protected BundleContext context;

    @Inject
    protected SessionFactory sessionFactory;

    private Console console;
    private DocumentRepository documents;
    private DataFolders folders;

    @Configuration
    public Option[] config() throws Exception {
        return KarafOptions.distribution("derby");
    }

    @Before
    public void up() throws Exception {
        console = new Console(sessionFactory);
        Services.awaitBootFinished(context, Services.BOOT_MILLIS);
        Services.await(context, DocumentConsumer.class, STARTUP);
        Services.await(context, SearchIndex.class, STARTUP);
        documents = Services.await(context, DocumentRepository.class, STARTUP);
        folders = Services.await(context, DataFolders.class, STARTUP);
    }

    private long consume(String name, String text) throws Exception {
        return consume(name, text, "");
    }

    private long consume(String name, String text, String options) throws Exception {
        Path file = Files.createDirectories(folders.data().resolve("incoming")).resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        String out = console.admin("paperless:consume " + options + " \"" + file + "\"");
        return Long.parseLong(out.replaceAll("(?s).*: document (\\d+).*", "$1"));
    }

    private String search(String query) throws Exception {
        return console.admin("paperless:search --no-format " + query);
    }

    /** Searches until the document is the first result: the index applies events in the background. */
    private String awaitFirst(String query, long id) throws Exception {
        return Services.eventually(10_000, () -> {
            String r = search(query);
            if (!r.startsWith(id + "\t")) {
                throw new AssertionError("document " + id + " is not first for '" + query + "' yet: " + r);
            }
            return r;
        });
    }

    private Bundle indexBundle() {
        return Stream.of(context.getBundles()).filter(b -> INDEX_BUNDLE.equals(b.getSymbolicName())).findFirst()
                .orElseThrow();
    }

    @Test
    public void aConsumedDocumentIsFoundWithinASecond() throws Exception {
        long id = consume("Müller invoice.txt", "Rechnung von Herrn Müller über Zaunlatten, fällig am 03.02.2024.");
        long start = System.nanoTime();
        String found = "";
        while (System.nanoTime() - start < 1_000_000_000L && !found.startsWith(id + "\t")) {
            found = search("zaunlatten");
            Thread.sleep(20);
        }
        assertTrue("found within a second: " + found, found.startsWith(id + "\t"));
        assertTrue(found, found.contains("\tMüller invoice\t"));
        assertTrue(found, found.contains("**Zaunlatten**"));
        assertTrue("accents folded", search("muller").startsWith(id + "\t"));
        assertTrue("German spelling", search("mueller zaunlatten").startsWith(id + "\t"));
        assertTrue("dates", search("zaunlatten created:2024-02").startsWith(id + "\t"));
        assertEquals("", search("zaunlatten created:[2020 to 2023]"));
        String words = console.admin("paperless:autocomplete --no-format zaun");
        assertTrue(words, words.startsWith("zaunlatten\t1"));
    }

    @Test
    public void fieldsPhrasesAndMoreLikeThis() throws Exception {
        console.admin("paperless:correspondent-add Stadtwerke");
        console.admin("paperless:tag-add Unpaid");
        long bill = consume("power bill.txt", "Stromrechnung: electricity consumption 321 kWh, Zählernummer 4711 "
                + System.nanoTime(), "-c Stadtwerke --tag Unpaid");
        long other = consume("power bill 2.txt", "Stromrechnung: electricity consumption 299 kWh, Zählernummer 4711 "
                + System.nanoTime());
        long holiday = consume("holiday.txt", "Beach, sun and sea. Nothing about electricity " + System.nanoTime());
        awaitFirst("beach", holiday);
        assertTrue(search("'\"electricity consumption\"'").contains(bill + "\t"));
        assertTrue(search("'\"consumption electricity\"'").isEmpty());
        assertTrue(search("correspondent:stadtwerke tag:unpaid").startsWith(bill + "\t"));
        String byCorrespondent = search("correspondent:stadtwerke");
        assertFalse(byCorrespondent, byCorrespondent.lines().anyMatch(l -> l.startsWith(other + "\t")));
        String like = console.admin("paperless:search --no-format --more-like " + bill);
        assertTrue(like, like.startsWith(other + "\t"));
        assertFalse(like, like.lines().anyMatch(l -> l.startsWith(bill + "\t")));
        Exception bad = assertThrows(Exception.class, () -> search("colour:red"));
        assertTrue(bad.getMessage(), bad.getMessage().contains("Unknown field 'colour'"));
    }

    @Test
    public void theIndexCatchesUpAfterAStopAndSearchSaysItIsGone() throws Exception {
        long deleted = consume("to be deleted.txt", "Quittung Gartenschlauch " + System.nanoTime());
        awaitFirst("gartenschlauch", deleted);
        indexBundle().stop();
        try {
            Exception gone = assertThrows(Exception.class, () -> search("anything"));
            assertTrue(gone.getMessage(), gone.getMessage().contains("Search is not available"));
            long added = consume("while stopped.txt", "Kaufvertrag Rasenmäher " + System.nanoTime());
            documents.delete(deleted);
            indexBundle().start();
            Services.await(context, SearchIndex.class, STARTUP);
            awaitFirst("rasenmaher", added);
            assertEquals("", Services.eventually(10_000, () -> {
                String r = search("gartenschlauch");
                if (!r.isEmpty()) {
                    throw new AssertionError("still there: " + r);
                }
                return r;
            }));
        } finally {
            if (indexBundle().getState() != Bundle.ACTIVE) {
                indexBundle().start();
            }
        }
    }

    @Test
    public void aDamagedIndexIsRebuiltAndReindexReportsTheState() throws Exception {
        long id = consume("survivor.txt", "Versicherungspolice Hausrat " + System.nanoTime());
        awaitFirst("hausrat", id);
        indexBundle().stop();
        try (Stream<Path> files = Files.list(folders.index())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
                Files.write(file, new byte[] {42, 42, 42});
            }
        }
        indexBundle().start();
        Services.await(context, SearchIndex.class, STARTUP);
        awaitFirst("hausrat", id);
        String reindex = console.admin("paperless:index --recreate --no-progress-bar reindex");
        assertTrue(reindex, reindex.contains("Index: " + documents.count() + " documents"));
        String optimize = console.admin("paperless:index optimize");
        assertTrue(optimize, optimize.contains("1 segment(s)"));
        assertTrue(console.admin("paperless:index reindex --if-needed").contains("nothing to do"));
        assertTrue(console.admin("paperless:status --no-format").contains("Search index\t" + documents.count() + " documents"));
    }

    @Test
    public void theRetaggerAppliesRulesWithTheReferenceSemanticsAndTheIndexFollows() throws Exception {
        console.admin("paperless:tag-add --inbox Posteingang");
        console.admin("paperless:tag-add Handmade");
        long id = consume("policy.txt", "Allianz Versicherung: Ihre Hausratversicherung, Police Hausrat 2024 "
                + System.nanoTime(), "--tag Handmade");
        console.admin("paperless:tag-add --match \"police\" --algorithm any Insurance");
        console.admin("paperless:tag-add --match \"nothing-like-this\" --algorithm any Stale");
        console.admin("paperless:correspondent-add --match allianz --algorithm any Allianz");
        console.admin("paperless:correspondent-add --match versicherung --algorithm any \"Allianz Versicherung\"");

        assertTrue(console.admin("paperless:retag").contains("Nothing to do"));
        String suggested = console.admin("paperless:retag --suggest -c -T --no-progress-bar");
        assertTrue(suggested, suggested.contains("Insurance") && suggested.contains("changes suggested"));
        assertFalse("suggest changes nothing", console.admin("paperless:document-show --no-format --no-content " + id)
                .contains("Insurance"));

        console.admin("paperless:retag -c -T --no-progress-bar");
        String show = console.admin("paperless:document-show --no-format --no-content " + id);
        assertTrue(show, show.contains("Insurance"));
        assertFalse("two correspondents match: none without --use-first: " + show, show.contains("Correspondent\tAllianz"));
        console.admin("paperless:retag -c --use-first --no-progress-bar");
        assertTrue(console.admin("paperless:document-show --no-format --no-content " + id).contains("Correspondent\tAllianz\n"));
        awaitFirst("tag:insurance correspondent:allianz", id);

        // -f: a tag whose rule no longer matches goes; the inbox tag and the tag without a rule stay.
        console.admin("paperless:tag-change --match \"other words\" Insurance");
        console.admin("paperless:retag -T -f --no-progress-bar");
        show = console.admin("paperless:document-show --no-format --no-content " + id);
        assertFalse(show, show.contains("Insurance"));
        assertTrue(show, show.contains("Posteingang") && show.contains("Handmade"));
        assertEquals("", Services.eventually(10_000, () -> {
            String r = search("tag:insurance");
            if (!r.isEmpty()) {
                throw new AssertionError("the index still has the old tags: " + r);
            }
            return r;
        }));
    }

    /** Several batches, written while the next is matched: every change lands, and nothing is left to do. */
    @Test
    public void theRetaggerWritesEveryBatch() throws Exception {
        String word = "Zaehlerablesung" + System.nanoTime();
        java.util.List<org.paperless.api.Document> created = new java.util.ArrayList<>();
        for (int i = 0; i < 1234; i++) {
            String text = (i % 3 == 0 ? word + " " : "") + "Abrechnung Nummer " + i;
            created.add(new org.paperless.api.Document(null, "Bulk " + i, text, null, null, null, java.util.Set.of(),
                    java.time.LocalDate.of(2024, 1, 1), null, null, word + "-" + i, null, null, null, null, "bulk" + i + ".txt",
                    "text/plain", 1, "admin", java.util.List.of(), java.util.List.of()));
        }
        java.util.List<org.paperless.api.Document> stored = documents.createAll(created);
        try {
            retagInBatches(word, stored);
        } finally {
            stored.forEach(d -> documents.delete(d.id())); // the classifier test counts its own documents
        }
    }

    private void retagInBatches(String word, java.util.List<org.paperless.api.Document> stored) throws Exception {
        String range = " --id-range " + stored.get(0).id() + " " + stored.get(stored.size() - 1).id();
        console.admin("paperless:tag-add --match " + word + " --algorithm any Ablesung" + word.hashCode());
        long tag = Services.await(context, org.paperless.api.storage.TagRepository.class, STARTUP)
                .findByName("Ablesung" + word.hashCode()).orElseThrow().id();

        String made = console.admin("paperless:retag -T --no-progress-bar" + range);
        assertTrue(made, made.contains(" 412 changes made"));
        long tagged = 0;
        for (var batch = documents.listAfter(0, 500); !batch.isEmpty(); batch = documents.listAfter(batch.get(batch.size() - 1).id(), 500)) {
            for (var d : batch.stream().filter(d -> d.checksum().startsWith(word)).toList()) {
                boolean expected = d.content().startsWith(word);
                assertEquals(d.title(), expected, d.tagIds().contains(tag));
                tagged += expected ? 1 : 0;
            }
        }
        assertEquals(412, tagged);
        String again = console.admin("paperless:retag -T --suggest --no-progress-bar" + range);
        assertTrue(again, again.contains(" 0 changes suggested"));
    }

    @Test
    public void theAutoClassifierLearnsFromStoredDocumentsAndAKeyProtectsItsModel() throws Exception {
        console.admin("paperless:correspondent-add --algorithm auto Energieversorger");
        console.admin("paperless:correspondent-add --algorithm auto Krankenkasse");
        console.admin("paperless:tag-add --algorithm auto Gesundheit");
        String[] energy = {"Stromrechnung", "Zählerstand", "Kilowattstunden", "Abschlag", "Netzentgelt", "Grundpreis"};
        String[] health = {"Versichertenkarte", "Beitragssatz", "Zuzahlung", "Arztbesuch", "Krankengeld", "Vorsorge"};
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 16; i++) {
            boolean power = i % 2 == 0;
            consume("train" + i + ".txt", words(power ? energy : health, random),
                    power ? "-c Energieversorger" : "-c Krankenkasse --tag Gesundheit");
        }
        String trained = console.admin("paperless:classifier-train");
        assertTrue(trained, trained.startsWith("Trained: 16 documents"));
        assertTrue(console.admin("paperless:classifier-train").contains("nothing changed"));

        long power = consume("new power.txt", words(energy, random), "");
        long health2 = consume("new health.txt", words(health, random), "");
        assertTrue(console.admin("paperless:document-show --no-format --no-content " + power)
                .contains("Correspondent\tEnergieversorger"));
        String shown = console.admin("paperless:document-show --no-format --no-content " + health2);
        assertTrue(shown, shown.contains("Correspondent\tKrankenkasse") && shown.contains("Gesundheit"));

        // A damaged model is discarded when the bundle starts, and the next training writes a good one.
        Path model = folders.data().resolve("classifier/model.bin");
        byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length / 2] ^= 1;
        Files.write(model, bytes);
        Bundle matching = Stream.of(context.getBundles()).filter(b -> "org.paperless.matching".equals(b.getSymbolicName()))
                .findFirst().orElseThrow();
        matching.stop();
        matching.start();
        Services.await(context, org.paperless.api.matching.DocumentClassifier.class, STARTUP);
        assertFalse("the damaged model is gone", Files.exists(model));
        assertTrue(console.admin("paperless:classifier-train").startsWith("Trained"));
        assertTrue(Files.exists(model));
    }

    private static String words(String[] specific, java.util.Random random) {
        String[] common = {"Sehr", "geehrte", "Damen", "und", "Herren", "anbei", "erhalten", "Sie", "Unterlagen", "Grüße"};
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            text.append(i % 3 == 0 ? specific[random.nextInt(specific.length)] : common[random.nextInt(common.length)]).append(' ');
        }
        return text.append(System.nanoTime()).toString();
    }
}
