package org.paperless.backup.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * PNG thumbnails as WebP, which paperless-ngx keeps and its importer copies as they are, with Debian's cwebp
 * (Java has no WebP writer). Each conversion is a job of its own: a new temporary folder holding only a copy of
 * the PNG, cwebp run there with nothing of our environment but PATH, killed when it passes the time limit.
 */
final class WebpThumbnails {

    static final String NOT_INSTALLED = "cwebp is not installed (apt-get install webp)";
    static final Duration TIME_LIMIT = Duration.ofSeconds(60);
    private static final int MESSAGE_LIMIT = 300;

    private final String command;
    private final Duration timeLimit;
    /** Set once cwebp could not be started: the others are not tried. */
    private volatile String unavailable;

    WebpThumbnails() {
        this("cwebp", TIME_LIMIT);
    }

    WebpThumbnails(String command, Duration timeLimit) {
        this.command = command;
        this.timeLimit = timeLimit;
    }

    /** A converted thumbnail in its job folder; closing deletes the folder. */
    record Converted(Path webp, Path folder) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            deleteTree(folder);
        }
    }

    /** @throws IOException saying why not: cwebp missing, failing, or too slow */
    Converted convert(Path png) throws IOException {
        if (unavailable != null) {
            throw new IOException(unavailable);
        }
        Path folder = Files.createTempDirectory("paperless-webp-");
        try {
            Files.copy(png, folder.resolve("in.png"));
            Path log = folder.resolve("cwebp.log");
            ProcessBuilder builder = new ProcessBuilder(List.of(command, "-quiet", "-q", "80", "-metadata", "none",
                    "in.png", "-o", "out.webp"))
                    .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().keySet().retainAll(Set.of("PATH"));
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                unavailable = NOT_INSTALLED;
                throw new IOException(NOT_INSTALLED, e);
            }
            if (!process.waitFor(timeLimit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new IOException("cwebp did not convert " + png.getFileName() + " within " + timeLimit.toSeconds()
                        + " s and was stopped");
            }
            Path webp = folder.resolve("out.webp");
            if (process.exitValue() != 0 || !Files.isRegularFile(webp) || Files.size(webp) == 0) {
                String messages = Files.readString(log, StandardCharsets.ISO_8859_1).replaceAll("\\s+", " ").strip();
                throw new IOException("cwebp could not convert " + png.getFileName() + ": exit status "
                        + process.exitValue() + (messages.isEmpty() ? "" : ", "
                        + messages.substring(0, Math.min(messages.length(), MESSAGE_LIMIT))));
            }
            Converted converted = new Converted(webp, folder);
            folder = null;
            return converted;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("The conversion of " + png.getFileName() + " was interrupted", e);
        } finally {
            if (folder != null) {
                deleteTree(folder);
            }
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
