package org.paperless.consumer.internal;

import org.paperless.api.parser.ParserRegistry;
import org.paperless.api.runtime.ServiceWait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.consumer.ConsumeOverrides;
import org.paperless.api.parser.DocumentParser;
import org.paperless.api.parser.ParsedDocument;
import org.paperless.api.storage.CorrespondentRepository;
import org.paperless.api.storage.DocumentTypeRepository;
import org.paperless.api.storage.StoragePathRepository;
import org.paperless.api.storage.TagRepository;

/**
 * The process dies after the document's row was committed and before its source was removed: the next
 * start must remove the source quietly, not refuse it as a duplicate of itself into failed/.
 */
class CrashAfterCommitTest {

    private static final DocumentParser TEXT = (file, mime) -> new ParsedDocument("Dear customer", 1, null, null);

    @TempDir
    Path dir;

    @Test
    void theNextStartRemovesTheSourceOfADocumentCommittedBeforeTheCrash() throws Exception {
        TestInstance paperless = new TestInstance(dir);
        Path source = Files.writeString(paperless.consume.resolve("letter.txt"), "Dear customer");
        runUntilCommitted(paperless, source, new ConsumeScripts(null, null));
        assertEquals(1, paperless.documents.count());
        assertTrue(Files.exists(source), "the crash came before the source was removed");

        paperless.start(TEXT, "text/plain"); // the next start recovers

        assertFalse(Files.exists(source), "the stored file is not consumed a second time");
        assertFalse(Files.exists(paperless.consume.resolve("failed")), "and not refused as a duplicate either");
        assertEquals(1, paperless.documents.count());
        assertTrue(Files.exists(paperless.media.resolve(org.paperless.api.storage.MediaArea.ORIGINALS, "0000001.txt")));
        try (var journal = Files.list(paperless.data.resolve("tmp/journal"))) {
            assertEquals(0, journal.count(), "the journal is settled");
        }
    }

    @Test
    void aSourceChangedByThePreConsumeScriptIsRecognisedByWhatWasReadFromIt() throws Exception {
        TestInstance paperless = new TestInstance(dir);
        Path source = Files.writeString(paperless.consume.resolve("letter.txt"), "Dear customer");
        Path script = Files.writeString(dir.resolve("pre.sh"), "#!/bin/sh\necho ' (stamped)' >> \"$DOCUMENT_WORKING_PATH\"\n");
        script.toFile().setExecutable(true);
        runUntilCommitted(paperless, source, new ConsumeScripts(script.toString(), null));
        String stored = paperless.documents.stored.get(0).checksum();
        assertFalse(stored.equals(Checksums.sha256(source)), "the document is the stamped working copy");

        paperless.start(TEXT, "text/plain");

        assertFalse(Files.exists(source));
    }

    @Test
    void aNewFileUnderTheSameNameSurvivesTheRecovery() throws Exception {
        TestInstance paperless = new TestInstance(dir);
        Path source = Files.writeString(paperless.consume.resolve("scan.txt"), "first scan");
        runUntilCommitted(paperless, source, new ConsumeScripts(null, null));
        Files.writeString(source, "second scan, same name");

        paperless.start(TEXT, "text/plain");

        assertEquals("second scan, same name", Files.readString(source));
    }

    /** What ConsumerComponent does up to the commit; then the process "dies": nothing after it runs. */
    private static void runUntilCommitted(TestInstance paperless, Path source, ConsumeScripts scripts) throws Exception {
        ParserRegistry parsers = new ParserRegistry();
        parsers.add(TEXT, Map.of(DocumentParser.MIME_TYPES, "text/plain"));
        Pipeline pipeline = new Pipeline(paperless.documents, paperless.media, new MimeDetector(), parsers,
                new Overrides(TestInstance.empty(CorrespondentRepository.class), TestInstance.empty(DocumentTypeRepository.class),
                        TestInstance.empty(TagRepository.class), TestInstance.empty(StoragePathRepository.class)),
                null, ConsumerComponent.dateFinder(TestInstance.config(Map.of()), Map.of()), scripts,
                new Journal(paperless.data.resolve("tmp/journal")), new org.paperless.api.runtime.AwaitedService<>("Matching"), ServiceWait::limit, () -> null);
        Staging staging = Staging.copy(source, null, paperless.data.resolve("tmp/consume"));
        pipeline.store(pipeline.parse(source, staging, ConsumeOverrides.NONE), () -> { });
    }
}
