package org.paperless.ocr.tesseract.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.paperless.api.parser.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a HEIC/HEIF image into a PNG with Debian's heif-convert (libheif), which Java cannot decode. Each
 * call is a job of its own: a new temporary folder holding only a copy of the input, heif-convert run
 * there with nothing of our environment but PATH, killed when it passes the time limit; nothing is kept
 * between calls. The caller checks the result's size from its header before decoding it.
 */
final class HeifConverter {

    static final Duration TIME_LIMIT = Duration.ofSeconds(120);
    static final String NOT_INSTALLED = "HEIC/HEIF images need heif-convert, which is not installed: "
            + "apt-get install libheif-examples";
    private static final int MESSAGE_LIMIT = 600;
    private static final Logger LOG = LoggerFactory.getLogger(HeifConverter.class);

    /** The converted image in its job folder; closing deletes the folder. */
    record Converted(Path image, Path folder) implements AutoCloseable {
        @Override
        public void close() {
            ImageOcr.deleteTree(folder);
        }
    }

    private final String command;
    private final Duration timeLimit;

    HeifConverter(String command, Duration timeLimit) {
        this.command = command;
        this.timeLimit = timeLimit;
    }

    Converted convert(Path heif, String name) throws ParseException {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("paperless-heif-");
            Path copy = folder.resolve("input.heic");
            Files.copy(heif, copy);
            Path png = folder.resolve("image.png");
            String failure = run(folder, png, name);
            if (failure != null && failure.contains("libpng error") && HeifBoxes.dropIccProfiles(copy, name) > 0) {
                // libheif 1.15 copies a grey image's grey ICC profile into an RGB PNG, which libpng refuses
                // (and heif-convert still exits 0). OCR and thumbnails need no colour management: the job's
                // copy loses its profiles and is converted again.
                LOG.debug("heif-convert could not write {} as PNG ({}); converting it without its ICC profile",
                        name, failure);
                failure = run(folder, png, name);
            }
            if (failure != null) {
                throw new ParseException("heif-convert cannot read the HEIC/HEIF image " + name + ": " + failure);
            }
            Converted converted = new Converted(png, folder);
            folder = null;
            return converted;
        } catch (IOException e) {
            throw new ParseException("Cannot convert " + name + ": " + e.getMessage(), e);
        } finally {
            ImageOcr.deleteTree(folder);
        }
    }

    /** Runs one conversion in the folder; null when it wrote the output, else what went wrong. */
    private String run(Path folder, Path output, String name) throws IOException, ParseException {
        Path log = folder.resolve("heif-convert.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(command, "input.heic", output.getFileName().toString()))
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().keySet().retainAll(Set.of("PATH"));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ParseException(NOT_INSTALLED, e);
        }
        try {
            if (!process.waitFor(timeLimit.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new ParseException("heif-convert did not convert the HEIC/HEIF image " + name + " within "
                        + seconds(timeLimit) + " and was stopped; the image may be too complex or damaged");
            }
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new ParseException("The conversion of " + name + " was interrupted", e);
        }
        // heif-convert exits 0 when its PNG writer fails, leaving an empty file.
        if (process.exitValue() == 0 && Files.isRegularFile(output) && Files.size(output) > 0) {
            return null;
        }
        String messages = Files.readString(log, StandardCharsets.ISO_8859_1).replaceAll("\\s+", " ").strip();
        if (messages.length() > MESSAGE_LIMIT) {
            messages = messages.substring(0, MESSAGE_LIMIT) + "...";
        }
        return "exit status " + process.exitValue() + (messages.isEmpty() ? "" : ", " + messages);
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS); // so the folder can be deleted with nothing writing to it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() < 1000 ? duration.toMillis() + " ms" : duration.toSeconds() + " s";
    }
}
