package org.paperless.backup.internal.gpg;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The files of an export's document records that say {@code "storage_type": "gpg"}. paperless and paperless-ngx
 * always exported such documents decrypted (since 2018 writing "unencrypted" into the record; earlier exports kept
 * "gpg" beside decrypted files), so a file is decrypted only when it is itself an encrypted message, as one copied
 * from an old media folder is: with --passphrase, else the import is refused. Either way the record's checksum is
 * of the decrypted content (paperless took it before encrypting), so callers compare after this, and the file
 * goes into the media folder decrypted, under its name without {@code .gpg}. Records of any other storage type
 * are read as they are: a document may well be a .gpg file its owner stored.
 */
public final class ExportDecryption {

    private static final String STORAGE_TYPE = "storage_type";
    private static final String GPG = "gpg";

    private final char[] passphrase;
    private final long maxBytes;

    /** @param passphrase --passphrase, or null when none was given */
    public ExportDecryption(String passphrase, long maxBytes) {
        this.passphrase = passphrase == null || passphrase.isEmpty() ? null : passphrase.toCharArray();
        this.maxBytes = maxBytes;
    }

    public static boolean encrypted(JsonNode record) {
        return GPG.equals(record.path("fields").path(STORAGE_TYPE).asText());
    }

    /** The name a file of this record gets in the media folder (null stays null). */
    public static String plainName(JsonNode record, String name) {
        return encrypted(record) && GpgNames.encrypted(name) ? GpgNames.plain(name) : name;
    }

    /**
     * The content of {@code raw}, the file {@code name} of {@code record}: decrypted when the record says gpg and the
     * file is an encrypted message, else as it is. Takes ownership of {@code raw}.
     *
     * @throws IOException when the file is encrypted and no passphrase or a wrong one was given, or it is damaged
     *         (reading tells a damaged end too); the message names the file and says what to do
     */
    public InputStream open(JsonNode record, String name, InputStream raw) throws IOException {
        if (!encrypted(record)) {
            return raw;
        }
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(GpgMessage.HEAD_BYTES);
        byte[] head = in.readNBytes(GpgMessage.HEAD_BYTES);
        in.reset();
        if (!GpgMessage.looksEncrypted(head, head.length)) {
            return in;
        }
        String what = name + " (document " + record.path("pk").asText() + ", storage_type gpg)";
        if (passphrase == null) {
            in.close();
            throw new IOException("Nothing was imported: " + what + " is GPG-encrypted. Give the passphrase its files were "
                    + "encrypted with (PAPERLESS_PASSPHRASE of the instance that stored them) as --passphrase");
        }
        try {
            return new Named(GpgMessage.open(in, passphrase, maxBytes), what);
        } catch (GpgException e) {
            throw Named.failure(what, e);
        }
    }

    /** Failures while reading name the file. */
    private static final class Named extends FilterInputStream {

        private final String what;

        Named(InputStream in, String what) {
            super(in);
            this.what = what;
        }

        static IOException failure(String what, GpgException e) {
            return new IOException("Nothing was imported: " + what + " cannot be decrypted: " + e.getMessage(), e);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (GpgException e) {
                throw failure(what, e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (GpgException e) {
                throw failure(what, e);
            }
        }
    }
}
