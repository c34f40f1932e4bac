package org.paperless.plugins.parser.office;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder one conversion lives in, and nothing else: a copy of the document, LibreOffice's user profile, its
 * output and its temporary files. Made new for each document (readable by its owner only), removed afterwards
 * with everything in it, so no document, profile or setting outlives its job.
 */
final class ConversionJob implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConversionJob.class);
    private static final int LOG_CHARS = 2000;

    private final Path folder;

    private ConversionJob(Path folder) {
        this.folder = folder;
    }

    /** A new job folder holding a copy of {@code source} named {@code document} + extension. */
    static ConversionJob start(Path source, String extension) throws IOException {
        Path folder = Files.createTempDirectory("paperless-office-");
        ConversionJob job = new ConversionJob(folder);
        try {
            Files.createDirectories(job.inputFolder());
            Files.createDirectories(job.outputFolder());
            Files.createDirectories(job.temp());
            Files.copy(source, job.input(extension));
            ProfileSettings.writeTo(job.profile());
            return job;
        } catch (IOException | RuntimeException e) {
            job.close();
            throw e;
        }
    }

    Path folder() {
        return folder;
    }

    Path input(String extension) {
        return inputFolder().resolve("document" + extension);
    }

    Path inputFolder() {
        return folder.resolve("in");
    }

    Path outputFolder() {
        return folder.resolve("out");
    }

    /** Where LibreOffice writes the PDF of {@code document.*}. */
    Path outputPdf() {
        return outputFolder().resolve("document.pdf");
    }

    Path profile() {
        return folder.resolve("profile");
    }

    Path temp() {
        return folder.resolve("tmp");
    }

    Path log() {
        return folder.resolve("soffice.log");
    }

    /** LibreOffice's -env:UserInstallation value. */
    String profileUrl() {
        String url = profile().toUri().toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * The socket LibreOffice listens on for other instances of the same profile. It is always in /tmp, named
     * after the MD5 of the profile URL in UTF-16LE (each byte in hex without leading zero), and removed by
     * LibreOffice when it ends, but not when it is killed: then {@link #close()} removes it.
     */
    Path ipcSocket() {
        return ipcSocket(profileUrl(), folder);
    }

    /** @param owned a file of the user LibreOffice runs as */
    static Path ipcSocket(String profileUrl, Path owned) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(profileUrl.getBytes(StandardCharsets.UTF_16LE));
            StringBuilder name = new StringBuilder("OSL_PIPE_").append(Files.getAttribute(owned, "unix:uid"))
                    .append("_SingleOfficeIPC_");
            for (byte b : digest) {
                name.append(Integer.toHexString(b & 0xff));
            }
            return Path.of("/tmp", name.toString());
        } catch (NoSuchAlgorithmException | IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** The end of what LibreOffice printed, for a message. */
    String logTail() {
        try (InputStream in = Files.newInputStream(log())) {
            byte[] bytes = in.readNBytes(64 * 1024);
            String text = new String(bytes, StandardCharsets.UTF_8).replaceAll("(?m)^Warning: failed to launch javaldx.*$", "")
                    .replaceAll("\\s+", " ").strip();
            return text.length() > LOG_CHARS ? "..." + text.substring(text.length() - LOG_CHARS) : text;
        } catch (IOException e) {
            return "";
        }
    }

    /** Removes a socket LibreOffice left behind (see {@link #ipcSocket()}); only a socket, never another file. */
    static void removeSocket(Path socket) {
        try {
            if (socket != null && Files.exists(socket, LinkOption.NOFOLLOW_LINKS)
                    && Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()) {
                Files.delete(socket);
            }
        } catch (IOException e) {
            LOG.warn("Cannot remove LibreOffice's socket {}: {}", socket, e.toString());
        }
    }

    /** Removes the folder and everything in it (links are removed, never followed), and a socket left behind. */
    @Override
    public void close() {
        removeSocket(ipcSocket());
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("Cannot remove the conversion folder {}: {}", folder, e.toString());
        }
    }
}
