package org.paperless.backup.internal;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An export to read: a folder, or a zip read in place. Names are relative, with forward slashes.
 * An export may come from anyone, so nothing in it leads elsewhere: a folder holding a symbolic link
 * (to a file, a folder, or as the manifest) or anything else that is not a plain file or folder is
 * refused as a whole, files are opened without following links, and a zip's entries are read no
 * further than the sizes it declares, which are bounded.
 */
abstract class ExportSource implements Closeable {

    /** Files (or zip entries) in one export: four per document with -sm, so half a million documents. */
    static final int MAX_FILES = 2_000_000;
    /** The largest single file: far above any scanned document, far below a zip bomb's claim. */
    static final long MAX_FILE_BYTES = 16L * 1024 * 1024 * 1024;

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

    /** The bytes of every file together (declared sizes for a zip): what an import copies at most. */
    abstract long totalBytes();

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
        private final List<String> names = new ArrayList<>();
        private long totalBytes;

        Folder(Path given) throws IOException {
            // The folder the user names may itself be reached through a link; what is inside may not.
            this.root = given.toRealPath();
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    return visitFile(dir, attrs);
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isSymbolicLink() || attrs.isOther()) {
                        throw new IOException("Refused: " + root.relativize(file) + " in the export " + root + " is "
                                + (attrs.isSymbolicLink() ? "a symbolic link" : "not a plain file")
                                + "; an export holds plain files and folders only. Copy the export with its files"
                                + " themselves (cp -L, rsync -L) and import the copy");
                    }
                    if (attrs.isRegularFile()) {
                        if (names.size() >= MAX_FILES) {
                            throw new IOException("Refused: the export " + root + " holds more than " + MAX_FILES + " files");
                        }
                        names.add(root.relativize(file).toString().replace('\\', '/'));
                        totalBytes += attrs.size();
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            Collections.sort(names);
        }

        @Override
        boolean exists(String name) {
            return Files.isRegularFile(resolve(name), LinkOption.NOFOLLOW_LINKS);
        }

        @Override
        InputStream open(String name) throws IOException {
            Path path = resolve(name);
            // The folder was checked when opened; it is checked again here because it may change meanwhile.
            for (Path part = path.getParent(); !part.equals(root); part = part.getParent()) {
                if (Files.isSymbolicLink(part)) {
                    throw new IOException("Refused: " + root.relativize(part) + " in the export became a symbolic link");
                }
            }
            return Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS);
        }

        @Override
        List<String> names() {
            return names;
        }

        @Override
        long totalBytes() {
            return totalBytes;
        }

        private Path resolve(String name) {
            Path path = root.resolve(SafeName.check(name)).normalize();
            if (!path.startsWith(root) || path.equals(root)) {
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
        private long totalBytes;

        Zip(Path path) throws IOException {
            this.path = path;
            this.zip = new ZipFile(path.toFile());
            try {
                if (zip.size() > MAX_FILES) {
                    throw new IOException("Refused: " + path + " holds more than " + MAX_FILES + " entries");
                }
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    totalBytes += declaredSize(entry);
                }
            } catch (IOException | RuntimeException e) {
                zip.close();
                throw e;
            }
        }

        private long declaredSize(ZipEntry entry) throws IOException {
            long size = entry.getSize();
            if (size < 0 || size > MAX_FILE_BYTES) {
                throw new IOException("Refused: " + entry.getName() + " in " + path + " declares "
                        + (size < 0 ? "no size" : size + " bytes") + "; an entry may hold " + MAX_FILE_BYTES + " bytes at most");
            }
            return size;
        }

        @Override
        boolean exists(String name) {
            ZipEntry entry = zip.getEntry(SafeName.check(name));
            return entry != null && !entry.isDirectory();
        }

        @Override
        InputStream open(String name) throws IOException {
            ZipEntry entry = zip.getEntry(SafeName.check(name));
            if (entry == null || entry.isDirectory()) {
                throw new NoSuchFileException(name, null, "not in " + path);
            }
            return new Declared(zip.getInputStream(entry), declaredSize(entry), name);
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
        long totalBytes() {
            return totalBytes;
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

    /** An entry's data, refused as soon as it inflates beyond the size the zip declares for it. */
    private static final class Declared extends FilterInputStream {

        private final String name;
        private long left;

        Declared(InputStream in, long size, String name) {
            super(in);
            this.left = size;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                if (in.read() >= 0) {
                    throw new IOException("Refused: " + name + " holds more than the zip declares for it");
                }
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return super.skip(Math.min(n, left));
        }
    }
}
