package org.paperless.ocr.tesseract.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The command-line encoders that make the WebP and HEIC samples: cwebp (package webp) and heif-enc (package
 * libheif-examples, which also brings the heif-convert the parser runs). Installed when missing and the
 * tests run as root; otherwise the tests that need them are skipped, saying what to install.
 */
final class SampleTools {

    private SampleTools() {
    }

    static void require(String tool, String debianPackage) throws IOException, InterruptedException {
        if (onPath(tool)) {
            return;
        }
        if ("root".equals(System.getProperty("user.name"))) {
            run(List.of("sh", "-c", "apt-get install -y -q " + debianPackage + " >/dev/null 2>&1 || "
                    + "(apt-get update -q >/dev/null 2>&1 && apt-get install -y -q " + debianPackage + " >/dev/null 2>&1)"),
                    600);
        }
        Assumptions.assumeTrue(onPath(tool), tool + " is missing and the tests do not run as root: "
                + "apt-get install " + debianPackage + " to run the WebP/HEIC tests");
    }

    /** A lossy WebP of the PNG, as a phone or scanner app writes it. */
    static Path webp(Path png, Path target) throws IOException, InterruptedException {
        run(List.of("cwebp", "-quiet", "-q", "90", png.toString(), "-o", target.toString()), 60);
        return target;
    }

    /** A HEIC (HEVC) of the PNG, as a phone writes it. */
    static Path heic(Path png, Path target) throws IOException, InterruptedException {
        run(List.of("heif-enc", "-q", "90", png.toString(), "-o", target.toString()), 120);
        return target;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static void run(List<String> command, int seconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command.get(0) + " took more than " + seconds + " s");
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + process.exitValue() + "): "
                    + new String(output));
        }
    }
}
