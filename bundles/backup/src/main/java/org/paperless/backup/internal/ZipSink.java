package org.paperless.backup.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip written from scratch under a temporary name and renamed when complete. Generated files are
 * gathered in a scratch folder first: a zip is written one entry after another, and the manifest is
 * still growing while the documents' files go in.
 */
final class ZipSink implements ExportSink {

    private final Path zip;
    private final Path part;
    private final Path scratchFolder;
    private final ZipOutputStream out;
    private final Set<String> names = new HashSet<>();
    private long copied;

    ZipSink(Path folder, String zipName) throws IOException {
        Files.createDirectories(folder);
        String name = SafeName.part(zipName);
        if (name.isEmpty() || name.contains("/")) {
            throw new IllegalArgumentException("the zip name '" + zipName + "' cannot be a file name");
        }
        this.zip = folder.resolve(name.endsWith(".zip") ? name : name + ".zip");
        this.part = zip.resolveSibling("." + zip.getFileName() + FolderSink.PART);
        this.scratchFolder = Files.createTempDirectory(folder, ".export-scratch");
        this.out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(part), 1 << 16));
    }

    @Override
    public long putFile(String name, Path source, String sha256) throws IOException {
        entry(name);
        long bytes = Files.copy(source, out);
        out.closeEntry();
        copied++;
        return bytes;
    }

    @Override
    public Path scratch(String name) {
        return scratchFolder.resolve(Integer.toHexString(name.hashCode()) + "-" + names.size() + ".json");
    }

    @Override
    public void putGenerated(String name, Path scratch) throws IOException {
        entry(name);
        Files.copy(scratch, out);
        out.closeEntry();
        Files.delete(scratch);
    }

    @Override
    public Finished finish(boolean deleteOthers) throws IOException {
        out.close();
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(part, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Finished(zip, 0);
    }

    @Override
    public long copied() {
        return copied;
    }

    @Override
    public long unchanged() {
        return 0;
    }

    /** Without finish, the half-written zip and the scratch folder go; a previous zip stays. */
    @Override
    public void close() throws IOException {
        try {
            out.close();
        } catch (IOException ignored) {
            // already closed by finish, or broken: either way nothing more to write
        }
        Files.deleteIfExists(part);
        try (var left = Files.list(scratchFolder)) {
            for (Path p : left.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(scratchFolder);
    }

    private void entry(String name) throws IOException {
        String checked = SafeName.check(name);
        if (!names.add(checked)) {
            throw new IOException("two files of this export are named '" + name + "'");
        }
        out.putNextEntry(new ZipEntry(checked));
    }
}
