package org.paperless.backup.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** An export to read: a folder, or a zip read in place. Names are relative, with forward slashes. */
abstract class ExportSource implements Closeable {

    static ExportSource open(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return new Folder(path);
        }
        if (Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return new Zip(path);
        }
        throw new IOException(path + " is neither an export folder nor a .zip file");
    }

    abstract boolean exists(String name);

    abstract InputStream open(String name) throws IOException;

    /** Every file, sorted. */
    abstract List<String> names() throws IOException;

    /** The main manifest first, then the split ones (-sm), sorted. */
    List<String> manifests() throws IOException {
        if (!exists(ManifestFiles.MANIFEST)) {
            throw new IOException("There is no " + ManifestFiles.MANIFEST + " in " + this + ": is this an export?");
        }
        List<String> manifests = new ArrayList<>();
        manifests.add(ManifestFiles.MANIFEST);
        for (String name : names()) {
            if (name.endsWith(ManifestFiles.SPLIT_SUFFIX)) {
                manifests.add(name);
            }
        }
        return manifests;
    }

    private static final class Folder extends ExportSource {

        private final Path root;

        Folder(Path root) {
            this.root = root.toAbsolutePath().normalize();
        }

        @Override
        boolean exists(String name) {
            return Files.isRegularFile(resolve(name));
        }

        @Override
        InputStream open(String name) throws IOException {
            return Files.newInputStream(resolve(name));
        }

        @Override
        List<String> names() throws IOException {
            try (Stream<Path> all = Files.walk(root)) {
                return all.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                        .sorted().toList();
            }
        }

        private Path resolve(String name) {
            Path path = root.resolve(SafeName.check(name)).normalize();
            if (!path.startsWith(root)) {
                throw new IllegalArgumentException("the file name '" + name + "' leaves the export");
            }
            return path;
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return root.toString();
        }
    }

    private static final class Zip extends ExportSource {

        private final Path path;
        private final ZipFile zip;

        Zip(Path path) throws IOException {
            this.path = path;
            this.zip = new ZipFile(path.toFile());
        }

        @Override
        boolean exists(String name) {
            ZipEntry entry = zip.getEntry(SafeName.check(name));
            return entry != null && !entry.isDirectory();
        }

        @Override
        InputStream open(String name) throws IOException {
            ZipEntry entry = zip.getEntry(SafeName.check(name));
            if (entry == null) {
                throw new java.nio.file.NoSuchFileException(name, null, "not in " + path);
            }
            return zip.getInputStream(entry);
        }

        @Override
        List<String> names() {
            List<String> names = new ArrayList<>();
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (!entry.isDirectory()) {
                    names.add(entry.getName());
                }
            }
            Collections.sort(names);
            return names;
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }
}
