package org.paperless.backup.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An export folder brought up to date: a file is copied only when it is new or differs in size or
 * modification time (with -c: in checksum), copies keep the source's modification time so that rsync
 * afterwards moves only what changed, and a file that replaces one of an earlier export goes to a temporary
 * name first and is renamed, so an interrupted run leaves the previous export usable (new files are written
 * under their names: the manifest naming them comes last). Files are created 0600 and folders 0700.
 */
final class FolderSink implements ExportSink {

    private static final ThreadLocal<ByteBuffer> BUFFER = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(1 << 20));

    /** Temporary files of a run end so; a later run removes what an interrupted one left. */
    static final String PART = ".export-part";

    private final Path root;
    private final boolean compareChecksums;
    private final boolean compareJson;
    /** This run's files, relative to the root: kept by --delete, and no name twice. */
    private final Set<String> belonging = new HashSet<>();
    /** Folders of the export known to exist. */
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();
    /** Written but not yet flushed; only where the whole file system cannot be synced at once. */
    private final List<Path> unflushed = new ArrayList<>();
    private long flushNanos;
    private final boolean fileSystemSync;
    private long copied;
    private long unchanged;

    FolderSink(Path root, boolean compareChecksums, boolean compareJson) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.compareChecksums = compareChecksums;
        this.compareJson = compareJson;
        try {
            if (!Files.isDirectory(this.root)) {
                OwnerOnly.createDirectories(this.root);
            }
        } catch (java.nio.file.FileSystemException e) {
            throw new IOException("Cannot write the export to " + this.root + ": " + (e.getReason() == null
                    ? e.getClass().getSimpleName() : e.getReason()) + " at " + e.getFile()
                    + ". Give a folder this instance may create and write");
        }
        this.fileSystemSync = syncFileSystem(this.root);
        removeLeftovers();
    }

    /**
     * Each file is copied to a temporary name while hashed; only when every file of the document matches
     * its checksum are they renamed into place, so a document whose files changed meanwhile leaves nothing.
     * Several documents may be put at once, from different threads: their names are claimed first, the bytes
     * copied side by side, the bookkeeping done one at a time.
     */
    @Override
    public List<Copied> putDocument(List<Put> files) throws IOException {
        List<Path> targets = claimAll(files);
        // Where each file was written: null when unchanged, the target itself when it is new (nothing of an
        // earlier export is overwritten), else a temporary name renamed over the old file at the end.
        List<Path> written = new ArrayList<>();
        List<Copied> result = new ArrayList<>();
        boolean done = false;
        try {
            for (int i = 0; i < files.size(); i++) {
                Put file = files.get(i);
                Path target = targets.get(i);
                if (same(file.source(), target, file.sha256())) {
                    written.add(null);
                    result.add(new Copied(0, file.sha256() != null ? file.sha256() : Checksums.sha256(target),
                            file.md5() ? Checksums.md5(target) : null));
                    continue;
                }
                // A new file is written under its own name: one file creation and no rename, which on a
                // collection of small scans is most of the file system's work. Until its time is set it
                // differs from its source, so a run interrupted meanwhile copies it again next time.
                Path out = Files.exists(target, LinkOption.NOFOLLOW_LINKS) ? part(target) : target;
                written.add(out);
                result.add(copy(file, out));
            }
            for (int i = 0; i < files.size(); i++) {
                Path target = targets.get(i);
                Path out = written.get(i);
                if (out == null) {
                    OwnerOnly.restrict(target, false);
                } else if (!out.equals(target)) {
                    Files.move(out, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            done = true;
            counted(targets, written);
        } finally {
            if (!done) {
                // Nothing of the document stays: neither temporary files nor the new files written so far.
                for (Path out : written) {
                    if (out != null) {
                        Files.deleteIfExists(out);
                    }
                }
                release(targets);
            }
        }
        return result;
    }

    /** The document's names, each once in this run: taken back with {@link #release} when it is left out. */
    private List<Path> claimAll(List<Put> files) throws IOException {
        List<Path> targets = new ArrayList<>();
        for (Put file : files) {
            targets.add(resolve(file.name()));
        }
        synchronized (this) {
            Set<String> these = new HashSet<>();
            for (int i = 0; i < targets.size(); i++) {
                String name = relative(targets.get(i));
                if (belonging.contains(name) || !these.add(name)) {
                    throw new FileAlreadyExistsException(files.get(i).name(), null,
                            "two files of this export have the same name");
                }
            }
            belonging.addAll(these);
        }
        return targets;
    }

    private synchronized void release(List<Path> targets) {
        for (Path target : targets) {
            belonging.remove(relative(target));
        }
    }

    private synchronized void counted(List<Path> targets, List<Path> written) throws IOException {
        for (int i = 0; i < targets.size(); i++) {
            if (written.get(i) == null) {
                unchanged++;
            } else {
                written(targets.get(i));
                copied++;
            }
        }
    }

    /** The time is taken before the bytes: a file replaced meanwhile then looks changed to the next run. */
    private static Copied copy(Put file, Path out) throws IOException {
        FileTime time = Files.getLastModifiedTime(file.source());
        MessageDigest digest = Checksums.digest("SHA-256");
        MessageDigest md5 = file.md5() ? Checksums.digest("MD5") : null;
        long bytes = 0;
        // A megabyte at a time: a document's files mostly in one read and one write each (a stream's 8 KB
        // buffer made a dozen system calls of each for a 70 KB scan, the most of an export's time).
        ByteBuffer buffer = BUFFER.get();
        try (FileChannel in = FileChannel.open(file.source(), StandardOpenOption.READ);
             FileChannel to = create(out)) {
            for (buffer.clear(); in.read(buffer) >= 0; buffer.clear()) {
                buffer.flip();
                bytes += buffer.remaining();
                digest.update(buffer.duplicate());
                if (md5 != null) {
                    md5.update(buffer.duplicate());
                }
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
            }
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (file.sha256() != null && !file.sha256().equalsIgnoreCase(actual)) {
            throw new SourceChanged(file.source());
        }
        Files.setLastModifiedTime(out, time);
        return new Copied(bytes, actual, md5 == null ? null : HexFormat.of().formatHex(md5.digest()));
    }

    /** A new file; a temporary file an earlier attempt left under the same name is replaced. */
    private static FileChannel create(Path out) throws IOException {
        try {
            return OwnerOnly.createChannel(out);
        } catch (FileAlreadyExistsException e) {
            if (!out.getFileName().toString().endsWith(PART)) {
                throw e;
            }
            Files.delete(out);
            return OwnerOnly.createChannel(out);
        }
    }

    @Override
    public Path scratch(String name) throws IOException {
        Path part = resolve(name).resolveSibling(name.substring(name.lastIndexOf('/') + 1) + ".tmp");
        Files.deleteIfExists(part);
        return OwnerOnly.createFile(part);
    }

    @Override
    public void putGenerated(String name, Path scratch) throws IOException {
        Path target = claim(name);
        if (compareJson && Files.exists(target) && Files.mismatch(scratch, target) == -1) {
            Files.delete(scratch); // unchanged: the old file and its time stay
            return;
        }
        if (!name.equals(ManifestFiles.MANIFEST)) {
            Files.move(scratch, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            written(target);
            return;
        }
        // Every file the manifest names is on disk before the manifest is: flushed together at the end,
        // which costs far less than one flush after each copy.
        flush();
        force(scratch);
        Files.move(scratch, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public synchronized Finished finish(boolean deleteOthers) throws IOException {
        flush();
        long deleted = 0;
        if (deleteOthers) {
            List<Path> others;
            try (Stream<Path> all = Files.walk(root)) {
                others = all.filter(Files::isRegularFile).filter(p -> !belonging.contains(relative(p))).toList();
            }
            for (Path other : others) {
                Files.delete(other);
                deleted++;
            }
            removeEmptyFolders();
        }
        return new Finished(root, deleted);
    }

    @Override
    public boolean concurrent() {
        return true;
    }

    @Override
    public synchronized long copied() {
        return copied;
    }

    @Override
    public synchronized long unchanged() {
        return unchanged;
    }

    @Override
    public void close() {
    }

    /** A name of this run's export; two files under one name are a mistake. */
    private synchronized Path claim(String name) throws IOException {
        Path target = resolve(name);
        if (!belonging.add(relative(target))) {
            throw new FileAlreadyExistsException(name, null, "two files of this export have the same name");
        }
        return target;
    }

    private Path resolve(String name) throws IOException {
        Path target = root.resolve(SafeName.check(name)).normalize();
        if (!target.startsWith(root)) {
            throw new IllegalArgumentException("the file name '" + name + "' leaves the export folder");
        }
        // Once per folder: asking again costs a mkdir that locks the folder above it for every file.
        if (!folders.contains(target.getParent())) {
            OwnerOnly.createDirectories(target.getParent());
            folders.add(target.getParent());
        }
        return target;
    }

    private static Path part(Path target) {
        return target.resolveSibling("." + target.getFileName() + PART);
    }

    private boolean same(Path source, Path target, String sha256) throws IOException {
        if (!Files.isRegularFile(target) || Files.size(target) != Files.size(source)) {
            return false;
        }
        if (compareChecksums) {
            String expected = sha256 != null ? sha256 : Checksums.sha256(source);
            return expected.equalsIgnoreCase(Checksums.sha256(target));
        }
        FileTime sourceTime = Files.getLastModifiedTime(source);
        return sourceTime.equals(Files.getLastModifiedTime(target));
    }

    private String relative(Path path) {
        return root.relativize(path).toString();
    }

    /** Where the file system cannot be synced at once, files are flushed a thousand at a time: memory stays flat. */
    private void written(Path target) throws IOException {
        if (!fileSystemSync) {
            unflushed.add(target);
            if (unflushed.size() >= 1000) {
                flush();
            }
        }
    }

    /**
     * One syncfs(2) of the export's file system through coreutils' {@code sync -f}: on the benchmark's disk
     * thirty thousand fsync calls cost five seconds more than one. Where that command is missing or
     * fails, each file is flushed on its own.
     */
    private synchronized void flush() throws IOException {
        long started = System.nanoTime();
        try {
            if (fileSystemSync && syncFileSystem(root)) {
                return;
            }
            for (Path written : unflushed) {
                force(written);
            }
            unflushed.clear();
        } finally {
            flushNanos += System.nanoTime() - started;
        }
    }

    @Override
    public long flushMillis() {
        return flushNanos / 1_000_000;
    }

    private static boolean syncFileSystem(Path root) {
        try {
            Process sync = new ProcessBuilder("sync", "-f", root.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return sync.waitFor(10, TimeUnit.MINUTES) && sync.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private void removeLeftovers() throws IOException {
        List<Path> parts;
        try (Stream<Path> all = Files.walk(root)) {
            parts = all.filter(p -> p.getFileName().toString().endsWith(PART)
                    || p.getFileName().toString().endsWith(".json.tmp")).toList();
        }
        for (Path part : parts) {
            Files.deleteIfExists(part);
        }
    }

    private void removeEmptyFolders() throws IOException {
        List<Path> folders;
        try (Stream<Path> all = Files.walk(root)) {
            folders = all.filter(Files::isDirectory).filter(p -> !p.equals(root))
                    .sorted(Comparator.comparingInt(Path::getNameCount).reversed()).toList();
        }
        for (Path folder : folders) {
            try (Stream<Path> entries = Files.list(folder)) {
                if (entries.findAny().isEmpty()) {
                    Files.delete(folder);
                }
            }
        }
    }
}
