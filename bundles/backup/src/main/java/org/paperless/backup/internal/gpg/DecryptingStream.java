package org.paperless.backup.internal.gpg;

import java.io.IOException;
import java.io.InputStream;

import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPException;

/**
 * The plain content of a {@link GpgMessage}. The integrity check (the modification detection code every gpg since
 * 1.4 writes) is verified when the end is reached, so a reader that got to the end without an exception got the
 * whole, unaltered content. A message too old to carry one is read as it is; only a checksum can vouch for it.
 */
public final class DecryptingStream extends InputStream {

    private final InputStream plain;
    private final PGPEncryptedData sealed;
    private final long maxBytes;
    private final InputStream source;
    private long read;
    private boolean ended;

    DecryptingStream(InputStream plain, PGPEncryptedData sealed, long maxBytes, InputStream source) {
        this.plain = plain;
        this.sealed = sealed;
        this.maxBytes = maxBytes;
        this.source = source;
    }

    /** False for a message without an integrity check. */
    public boolean integrityProtected() {
        return sealed.isIntegrityProtected();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (ended) {
            return -1;
        }
        int n;
        try {
            n = plain.read(buffer, offset, length);
        } catch (IOException | RuntimeException e) {
            throw new GpgException(GpgException.Reason.DAMAGED, e.getMessage());
        }
        if (n < 0) {
            verify();
            ended = true;
            return -1;
        }
        read += n;
        if (read > maxBytes) {
            throw new GpgException(GpgException.Reason.TOO_LARGE, "more than " + maxBytes + " bytes");
        }
        return n;
    }

    private void verify() throws GpgException {
        if (!sealed.isIntegrityProtected()) {
            return;
        }
        boolean intact;
        try {
            intact = sealed.verify();
        } catch (PGPException | IOException | RuntimeException e) {
            throw new GpgException(GpgException.Reason.DAMAGED, e.getMessage());
        }
        if (!intact) {
            throw new GpgException(GpgException.Reason.DAMAGED, "its integrity check fails");
        }
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
