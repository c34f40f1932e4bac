package org.paperless.consumer.internal.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.consumer.internal.ConsumerConfig;

class ConsumeFolderTest {

    @TempDir
    Path root;

    @Test
    void aFileIsReadyOnlyAfterItStayedUnchangedLongEnough() {
        StableFiles stable = new StableFiles(1000);
        Path f = root.resolve("scan.pdf");
        var small = new StableFiles.Observation(10, 1, "inode-1");
        var bigger = new StableFiles.Observation(20, 2, "inode-1");
        assertEquals(List.of(), stable.update(Map.of(f, small), 0));
        assertEquals(List.of(), stable.update(Map.of(f, bigger), 900), "still growing");
        assertEquals(List.of(), stable.update(Map.of(f, bigger), 1800));
        assertEquals(List.of(f), stable.update(Map.of(f, bigger), 1900));
        assertTrue(stable.hasPending());
        assertEquals(List.of(), stable.update(Map.of(), 2000));
        assertFalse(stable.hasPending(), "a file that went away is forgotten");
    }

    @Test
    void hiddenIgnoredAndFailedFilesAreNotCandidates() throws Exception {
        Files.writeString(root.resolve("invoice.pdf"), "x");
        Files.writeString(root.resolve(".hidden.pdf"), "x");
        Files.writeString(root.resolve("Thumbs.db"), "x");
        Files.writeString(root.resolve("._invoice.pdf"), "x");
        Files.createDirectories(root.resolve("failed"));
        Files.writeString(root.resolve("failed/old.pdf"), "x");
        Files.createDirectories(root.resolve("Taxes/2024"));
        Files.writeString(root.resolve("Taxes/2024/return.pdf"), "x");
        Files.createDirectories(root.resolve(".syncing"));
        Files.writeString(root.resolve(".syncing/part.pdf"), "x");

        var flat = new FolderScanner(root, settings(false, "")).scan();
        assertEquals(Map.of(root.resolve("invoice.pdf"), flat.get(root.resolve("invoice.pdf"))), flat);

        var deep = new FolderScanner(root, settings(true, "")).scan();
        assertEquals(2, deep.size(), deep.toString());
        assertTrue(deep.containsKey(root.resolve("Taxes/2024/return.pdf")));

        // Own patterns replace the defaults, as in paperless-ngx.
        var ignored = new FolderScanner(root, settings(true, "Taxes/.*")).scan();
        assertEquals(java.util.Set.of(root.resolve("invoice.pdf"), root.resolve("Thumbs.db")), ignored.keySet());
    }

    @Test
    void subfolderNamesBecomeTagNames() {
        FolderScanner scanner = new FolderScanner(root, settings(true, ""));
        assertEquals(List.of("Taxes", "2024"), scanner.folderNames(root.resolve("Taxes/2024/return.pdf")));
        assertEquals(List.of(), scanner.folderNames(root.resolve("top.pdf")));
    }

    @Test
    void settingsFallBackToThePaperlessEnvironment() {
        WatchSettings s = WatchSettings.from(config("", "", ""), Map.of("PAPERLESS_CONSUMER_RECURSIVE", "true",
                "PAPERLESS_CONSUMER_SUBDIRS_AS_TAGS", "1", "PAPERLESS_CONSUMER_POLLING", "7",
                "PAPERLESS_CONSUMER_IGNORE_PATTERNS", "[\".*\\\\.tmp\"]"));
        assertTrue(s.recursive());
        assertTrue(s.subdirsAsTags());
        assertEquals(7000, s.rescanMillis());
        assertEquals(5000, s.stableMillis());
        assertTrue(s.ignore().get(0).matcher("scan.tmp").matches());
        WatchSettings configured = WatchSettings.from(config("false", "1.5", "x.*"), Map.of("PAPERLESS_CONSUMER_RECURSIVE", "true"));
        assertFalse(configured.recursive());
        assertEquals(1500, configured.stableMillis());
    }

    private static WatchSettings settings(boolean recursive, String ignore) {
        return WatchSettings.from(config(Boolean.toString(recursive), "1", ignore), Map.of());
    }

    private static ConsumerConfig config(String recursive, String stable, String ignore) {
        return new ConsumerConfig() {
            public Class<? extends Annotation> annotationType() {
                return ConsumerConfig.class;
            }
            public String preConsumeScript() {
                return "";
            }
            public String postConsumeScript() {
                return "";
            }
            public String dateOrder() {
                return "";
            }
            public String filenameFormat() {
                return "";
            }
            public String filenameFormatRemoveNone() {
                return "";
            }
            public String parallelism() {
                return "";
            }
            public String enabled() {
                return "";
            }
            public String stableSeconds() {
                return stable;
            }
            public String rescanSeconds() {
                return "";
            }
            public String recursive() {
                return recursive;
            }
            public String subdirsAsTags() {
                return "";
            }
            public String ignorePatterns() {
                return ignore;
            }
        };
    }
}
