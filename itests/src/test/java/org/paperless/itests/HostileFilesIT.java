package org.paperless.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Hostile files dropped into the consume folder of the real distribution, as an adversary with write access
 * to the consume share would: none of them may stop the consume folder, reach Ghostscript's PostScript
 * interpreter, change another document's archive copy, or bring a file from outside the share into the
 * collection. Every one ends up stored or in failed/ with a reason; the files after them are consumed.
 */
class HostileFilesIT {

    private static final long PATIENCE_MILLIS = 6 * 60_000;

    @Test
    void noHostileFileStopsTheConsumeFolderOrReachesBeyondItself() throws Exception {
        Path fixtures = Paths.get("target/it-fixtures-hostile").toAbsolutePath();
        HostileFixtures.write(fixtures);
        Launcher launcher = new Launcher(Paths.get("target/launcher-data/hostile-" + UUID.randomUUID())
                .toAbsolutePath(), Map.of());
        try {
            Launcher.Result started = launcher.run("start");
            assertEquals(0, started.exitCode(), started.output());
            Path consume = launcher.dataDir.resolve("consume");
            Path credentials = launcher.dataDir.resolve("security/admin.credentials");
            String password = launcher.credential("password");

            for (String name : HostileFixtures.ALL) {
                Files.copy(fixtures.resolve(name), consume.resolve(name));
            }
            Path link = Files.createSymbolicLink(consume.resolve("credentials.pdf"), credentials);
            Path fifo = consume.resolve("pipe.pdf");
            assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
            List<String> afterwards = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                String text = "Quarterly statement number " + i + " for account " + UUID.randomUUID();
                Files.write(consume.resolve("zz-after-" + i + ".pdf"), HostileFixtures.textPdf(text));
                afterwards.add(text);
            }

            awaitEmpty(consume, HostileFixtures.ALL, "zz-after-1.pdf", "zz-after-2.pdf", "zz-after-3.pdf");

            // Each hostile file was either stored or refused with its reason; the consumer is still watching.
            for (String name : HostileFixtures.ALL) {
                boolean refused = Files.exists(consume.resolve("failed/" + name + ".reason.txt"));
                boolean stored = originalNamed(launcher, name);
                assertTrue(refused || stored, name + " was neither stored nor refused");
            }
            for (String bomb : List.of(HostileFixtures.RUN_LENGTH_BOMB, HostileFixtures.HEX_FLATE_BOMB,
                    HostileFixtures.HUGE_PAGE, HostileFixtures.EMPTY, HostileFixtures.DEEP_NESTING,
                    HostileFixtures.MANY_PARTS, HostileFixtures.NESTED_MAIL)) {
                assertTrue(Files.exists(consume.resolve("failed/" + bomb + ".reason.txt")), bomb + " was not refused");
            }
            // The files behind the hostile ones have archive copies made from their own text.
            List<String> archiveTexts = archiveTexts(launcher.dataDir.resolve("media/archive"));
            for (String text : afterwards) {
                assertTrue(archiveTexts.stream().anyMatch(t -> t.contains(text)), "no archive copy holds: " + text);
            }
            // Nothing outside the share came in, and no PostScript ran.
            assertTrue(Files.isSymbolicLink(link), "the link is left alone");
            assertFalse(anyFileContains(launcher.dataDir.resolve("media"), password), "the credentials were stored");
            assertFalse(Files.readString(launcher.dataDir.resolve("log/karaf.log")).contains(HostileFixtures.PWNED),
                    "PostScript from a consumed file ran");
            assertFalse(archiveTexts.stream().anyMatch(t -> t.contains(HostileFixtures.PWNED)));

            Launcher.Result status = launcher.run("client", "paperless:status --no-format");
            assertEquals(0, status.exitCode(), status.output());
            assertTrue(status.output().contains("Consume folder watcher\trunning"), status.output());
            String last = "Still consuming afterwards " + UUID.randomUUID();
            Files.write(consume.resolve("last.pdf"), HostileFixtures.textPdf(last));
            awaitEmpty(consume, "last.pdf");
            assertTrue(archiveTexts(launcher.dataDir.resolve("media/archive")).stream().anyMatch(t -> t.contains(last)));
        } finally {
            launcher.run("stop");
        }
    }

    private static void awaitEmpty(Path consume, String[] names, String... more) throws Exception {
        List<String> all = new ArrayList<>(List.of(names));
        all.addAll(List.of(more));
        awaitEmpty(consume, all.toArray(new String[0]));
    }

    private static void awaitEmpty(Path consume, String... names) throws Exception {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (true) {
            List<String> left = Stream.of(names).filter(n -> Files.exists(consume.resolve(n))).toList();
            if (left.isEmpty()) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("still in the consume folder after " + PATIENCE_MILLIS / 1000 + " s: " + left);
            }
            Thread.sleep(1000);
        }
    }

    private static boolean originalNamed(Launcher launcher, String name) throws Exception {
        Launcher.Result list = launcher.run("client", "paperless:document-list --no-format");
        String stem = name.substring(0, name.lastIndexOf('.'));
        return list.output().lines().anyMatch(line -> line.contains("\t" + stem + "\t") || line.endsWith("\t" + stem));
    }

    private static List<String> archiveTexts(Path archive) throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(archive)) {
            for (Path pdf : files.filter(p -> p.toString().endsWith(".pdf")).toList()) {
                try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                    texts.add(new PDFTextStripper().getText(doc));
                }
            }
        }
        return texts;
    }

    private static boolean anyFileContains(Path folder, String secret) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (indexOf(Files.readAllBytes(file), needle) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
