package org.paperless.storage.internal.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Component;
import org.paperless.api.storage.WebpEncoder;

/**
 * WebP with Debian's cwebp (Java has no WebP writer). Each image is a job of its own: a new temporary folder
 * holding only the PNG, cwebp run there with nothing of our environment but PATH, killed when it passes the
 * time limit; nothing is kept between jobs.
 */
@Component(service = WebpEncoder.class)
public class WebpEncoderComponent implements WebpEncoder {

    static final String NOT_INSTALLED = "cwebp is not installed (apt-get install webp)";
    static final Duration TIME_LIMIT = Duration.ofSeconds(60);
    private static final int MESSAGE_LIMIT = 300;
    /** A thumbnail is a few hundred pixels wide; anything far larger is not one. */
    private static final int MAX_INPUT_BYTES = 64 * 1024 * 1024;

    private final String command;
    private final Duration timeLimit;
    /** Set once cwebp could not be started, so that thousands of thumbnails do not each try again. */
    private volatile String unavailable;

    public WebpEncoderComponent() {
        this("cwebp", TIME_LIMIT);
    }

    WebpEncoderComponent(String command, Duration timeLimit) {
        this.command = command;
        this.timeLimit = timeLimit;
    }

    @Override
    public byte[] encode(byte[] png) throws IOException {
        if (unavailable != null) {
            throw new IOException(unavailable);
        }
        if (png.length > MAX_INPUT_BYTES) {
            throw new IOException("a thumbnail of " + png.length + " bytes is not converted (at most " + MAX_INPUT_BYTES
                    + ")");
        }
        Path folder = Files.createTempDirectory("paperless-webp-");
        try {
            Files.write(folder.resolve("in.png"), png);
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
                throw new IOException("cwebp did not convert the thumbnail within " + timeLimit.toSeconds()
                        + " s and was stopped");
            }
            Path webp = folder.resolve("out.webp");
            if (process.exitValue() != 0 || !Files.isRegularFile(webp) || Files.size(webp) == 0) {
                String messages = Files.readString(log, StandardCharsets.ISO_8859_1).replaceAll("\\s+", " ").strip();
                throw new IOException("cwebp could not convert the thumbnail: exit status " + process.exitValue()
                        + (messages.isEmpty() ? "" : ", " + messages.substring(0, Math.min(messages.length(), MESSAGE_LIMIT))));
            }
            return Files.readAllBytes(webp);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("The conversion of a thumbnail was interrupted", e);
        } finally {
            try (Stream<Path> all = Files.walk(folder)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
