package org.paperless.storage.internal.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.paperless.api.storage.DataFolders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 256-bit AES key that encrypts mail passwords: {@code <data>/secrets/mail.key}, base64 on one line,
 * readable by its owner alone (folder 0700, file 0600 where the file system knows POSIX permissions).
 * Created when the first password is stored; read again at each use, so a key restored from a backup
 * counts at once.
 */
public final class MailKeyFile {

    private static final Logger LOG = LoggerFactory.getLogger(MailKeyFile.class);
    private static final int KEY_BITS = 256;
    private static final Set<PosixFilePermission> FOLDER_MODE = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    /** One creator at a time in this JVM; Karaf's lock keeps a second instance off the data folder. */
    private static final Object CREATING = new Object();

    private final Path file;

    public MailKeyFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    public static MailKeyFile in(DataFolders folders) {
        return new MailKeyFile(folders.data().resolve("secrets").resolve("mail.key"));
    }

    public Path path() {
        return file;
    }

    /** The key, or empty when the file does not exist. */
    public Optional<SecretKey> read() {
        byte[] text;
        try {
            text = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (AccessDeniedException e) {
            throw new IllegalStateException("The mail key file " + file + " cannot be read: permission denied", e);
        } catch (IOException e) {
            throw new UncheckedIOException("The mail key file " + file + " cannot be read: " + e.getMessage(), e);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(new String(text, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The mail key file " + file + " is damaged: it is not base64", e);
        }
        if (key.length * 8 != KEY_BITS) {
            throw new IllegalStateException("The mail key file " + file + " is damaged: it holds " + key.length * 8
                    + " bits, not " + KEY_BITS);
        }
        return Optional.of(new SecretKeySpec(key, "AES"));
    }

    /** The key, created first when there is none. */
    public SecretKey readOrCreate() {
        synchronized (CREATING) {
            return read().orElseGet(this::create);
        }
    }

    private SecretKey create() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(KEY_BITS);
            SecretKey key = generator.generateKey();
            write(Base64.getEncoder().encodeToString(key.getEncoded()) + "\n");
            LOG.info("Created the key that encrypts mail passwords: {} (back it up with the data folder)", file);
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java has no 256-bit AES: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the mail key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Temp file with mode 0600 from the start, fsync, atomic rename: never a half-written or readable key. */
    private void write(String text) throws IOException {
        Path folder = file.getParent();
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER_MODE));
            Files.setPosixFilePermissions(folder, FOLDER_MODE); // also when it was there already
        } else {
            Files.createDirectories(folder);
        }
        FileAttribute<?>[] mode = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_MODE)}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(folder, "mail.key.", ".tmp", mode);
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
                out.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        if (posix) {
            Files.setPosixFilePermissions(file, FILE_MODE);
        }
        syncFolder(folder);
    }

    private static void syncFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every system opens a folder (Windows); the rename is done either way.
        }
    }
}
