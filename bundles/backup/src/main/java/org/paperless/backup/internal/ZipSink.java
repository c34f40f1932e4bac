package org.paperless.backup.internal;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.channels.Channels;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
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
        if (!Files.isDirectory(folder)) {
            OwnerOnly.createDirectories(folder);
        }
        String name = SafeName.part(zipName);
        if (name.isEmpty() || name.contains("/")) {
            throw new IllegalArgumentException("the zip name '" + zipName + "' cannot be a file name");
        }
        this.zip = folder.resolve(name.endsWith(".zip") ? name : name + ".zip");
        this.part = zip.resolveSibling("." + zip.getFileName() + FolderSink.PART);
        this.scratchFolder = Files.createTempDirectory(folder, ".export-scratch"); // 0700 where POSIX
        Files.deleteIfExists(part);
        OwnerOnly.createFile(part);
        this.out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(part,
                StandardOpenOption.TRUNCATE_EXISTING), 1 << 16));
    }

    /**
     * An entry cannot be taken back once written, so every file of the document is first read and
     * compared with its checksum, through the same open file it is then copied from: the media folder
     * replaces files (a new file renamed over the old), never rewrites them, so an open file keeps its bytes.
     */
    @Override
    public List<Copied> putDocument(List<Put> files) throws IOException {
        Set<String> these = new HashSet<>();
        for (Put file : files) {
            String checked = SafeName.check(file.name());
            if (names.contains(checked) || !these.add(checked)) {
                throw new IOException("two files of this export are named '" + file.name() + "'");
            }
        }
        List<FileChannel> open = new ArrayList<>();
        try {
            for (Put file : files) {
                FileChannel channel = FileChannel.open(file.source(), StandardOpenOption.READ);
                open.add(channel);
                if (file.sha256() != null && !file.sha256().equalsIgnoreCase(Checksums.of(
                        Channels.newInputStream(channel.position(0)), "SHA-256"))) {
                    throw new SourceChanged(file.source());
                }
            }
            List<Copied> result = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                result.add(copy(files.get(i), open.get(i)));
            }
            return result;
        } finally {
            for (FileChannel channel : open) {
                channel.close();
            }
        }
    }

    private Copied copy(Put file, FileChannel channel) throws IOException {
        entry(file.name());
        MessageDigest digest = Checksums.digest("SHA-256");
        MessageDigest md5 = file.md5() ? Checksums.digest("MD5") : null;
        long bytes = Channels.newInputStream(channel.position(0)).transferTo(Checksums.hashing(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() {
                // the zip stays open for the next entry
            }
        }, digest, md5));
        out.closeEntry();
        copied++;
        String actual = HexFormat.of().formatHex(digest.digest());
        if (file.sha256() != null && !file.sha256().equalsIgnoreCase(actual)) {
            throw new IOException(file.source() + " was rewritten in place while it was exported: the export stopped,"
                    + " the previous one is unchanged. Export again");
        }
        return new Copied(bytes, actual, md5 == null ? null : HexFormat.of().formatHex(md5.digest()));
    }

    @Override
    public Path scratch(String name) throws IOException {
        return OwnerOnly.createFile(scratchFolder.resolve(Integer.toHexString(name.hashCode()) + "-" + names.size() + ".json"));
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
