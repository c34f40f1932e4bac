package org.paperless.backup.internal.gpg;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPDataValidationException;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.PGPPadding;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.PGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPBEDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;

/**
 * An OpenPGP message encrypted with a passphrase, as older paperless versions stored originals and thumbnails
 * ({@code gpg --symmetric}, binary or ASCII-armoured), opened as a stream of its plain content. Bouncy Castle's
 * lightweight API decrypts, so no JCE provider is registered and its jar signature does not matter; the Java
 * runtime's own digests derive the key from the passphrase (gpg's default makes that 65 MB of SHA-1 per file,
 * about three times faster with the runtime's hardware-assisted SHA-1 than with Bouncy Castle's).
 */
public final class GpgMessage {

    /** Enough to see the first packet's header and version. */
    static final int HEAD_BYTES = 64;
    private static final byte[] ARMOUR = "-----BEGIN PGP MESSAGE-----".getBytes(StandardCharsets.US_ASCII);

    private GpgMessage() {
    }

    /**
     * Whether {@code head} (the first bytes of a file) starts an encrypted OpenPGP message: a packet that encrypts
     * a session key (to a passphrase or a public key) or a marker packet, with a version those packets have, or
     * the armour line. Strict, so that a PNG or a JPEG, whose first byte also has the high bit set, is not taken
     * for one.
     */
    public static boolean looksEncrypted(byte[] head, int length) {
        int start = 0;
        while (start < length && Character.isWhitespace(head[start])) {
            start++;
        }
        if (length - start >= ARMOUR.length
                && Arrays.equals(head, start, start + ARMOUR.length, ARMOUR, 0, ARMOUR.length)) {
            return true;
        }
        if (length < 3 || (head[0] & 0x80) == 0) {
            return false;
        }
        int first = head[0] & 0xFF;
        int tag;
        int body;
        if ((first & 0x40) != 0) { // new packet format
            tag = first & 0x3F;
            int octet = head[1] & 0xFF;
            body = octet < 192 ? 2 : octet < 224 ? 3 : octet == 255 ? 6 : -1;
        } else {
            tag = (first >> 2) & 0x0F;
            int lengthType = first & 0x03;
            body = lengthType == 0 ? 2 : lengthType == 1 ? 3 : lengthType == 2 ? 5 : -1;
        }
        if (body < 0 || body >= length) {
            return false;
        }
        int version = head[body] & 0xFF;
        return switch (tag) {
            case 1 -> version == 3 || version == 6; // a session key encrypted to a public key
            case 3 -> version >= 4 && version <= 6; // a session key from a passphrase
            case 10 -> body + 3 <= length && head[body] == 'P' && head[body + 1] == 'G' && head[body + 2] == 'P';
            default -> false;
        };
    }

    /**
     * Opens {@code encrypted} and returns its plain content as a stream; the stream owns {@code encrypted} (it is
     * closed here on failure too). Reading fails with a {@link GpgException}: DAMAGED when the file ends early or
     * its integrity check fails at the end, TOO_LARGE past {@code maxBytes}.
     *
     * @throws GpgException WRONG_PASSPHRASE, NOT_GPG, NOT_SYMMETRIC or DAMAGED
     */
    public static DecryptingStream open(InputStream encrypted, char[] passphrase, long maxBytes) throws IOException {
        if (passphrase == null || passphrase.length == 0) {
            encrypted.close();
            throw new IllegalArgumentException("a passphrase is needed to decrypt GPG-encrypted files");
        }
        try {
            return openOwned(encrypted, passphrase, maxBytes);
        } catch (IOException | RuntimeException e) {
            encrypted.close();
            throw e;
        }
    }

    private static DecryptingStream openOwned(InputStream encrypted, char[] passphrase, long maxBytes) throws IOException {
        BufferedInputStream in = new BufferedInputStream(encrypted, 64 * 1024);
        in.mark(HEAD_BYTES);
        byte[] head = in.readNBytes(HEAD_BYTES);
        in.reset();
        if (!looksEncrypted(head, head.length)) {
            throw new GpgException(GpgException.Reason.NOT_GPG, null);
        }
        InputStream packets = (head[0] & 0x80) == 0 ? new ArmoredInputStream(in) : in;
        PGPPBEEncryptedData sealed = passphraseEncrypted(nextPacket(new BcPGPObjectFactory(packets)));
        InputStream clear;
        try {
            clear = sealed.getDataStream(new BcPBEDataDecryptorFactory(passphrase, digests()));
        } catch (PGPDataValidationException e) {
            throw new GpgException(GpgException.Reason.WRONG_PASSPHRASE, null);
        } catch (PGPException e) {
            throw new GpgException(GpgException.Reason.DAMAGED, e.getMessage());
        }
        return new DecryptingStream(literal(clear), sealed, maxBytes, encrypted);
    }

    private static PGPDigestCalculatorProvider digests() throws PGPException {
        return new JcaPGPDigestCalculatorProviderBuilder().build();
    }

    private static Object nextPacket(BcPGPObjectFactory factory) throws GpgException {
        try {
            Object next = factory.nextObject();
            while (next instanceof PGPMarker || next instanceof PGPPadding) {
                next = factory.nextObject();
            }
            return next;
        } catch (IOException | RuntimeException e) {
            throw new GpgException(GpgException.Reason.DAMAGED, e.getMessage());
        }
    }

    private static PGPPBEEncryptedData passphraseEncrypted(Object first) throws GpgException {
        if (!(first instanceof PGPEncryptedDataList list)) {
            throw new GpgException(GpgException.Reason.NOT_SYMMETRIC, "an OpenPGP message that is not encrypted");
        }
        for (PGPEncryptedData candidate : list) {
            if (candidate instanceof PGPPBEEncryptedData sealed) {
                return sealed;
            }
        }
        throw new GpgException(GpgException.Reason.NOT_SYMMETRIC, "it is encrypted to a public key");
    }

    /** The literal data inside, possibly compressed; a signature's header before it is passed over. */
    private static InputStream literal(InputStream clear) throws GpgException {
        try {
            BcPGPObjectFactory factory = new BcPGPObjectFactory(clear);
            Object next = factory.nextObject();
            if (next instanceof PGPCompressedData compressed) {
                factory = new BcPGPObjectFactory(compressed.getDataStream());
                next = factory.nextObject();
            }
            while (next instanceof PGPOnePassSignatureList || next instanceof PGPMarker || next instanceof PGPPadding) {
                next = factory.nextObject();
            }
            if (next instanceof PGPLiteralData data) {
                return data.getInputStream();
            }
            throw new GpgException(GpgException.Reason.DAMAGED, "the message holds no file");
        } catch (GpgException e) {
            throw e;
        } catch (IOException | PGPException | RuntimeException e) {
            throw new GpgException(GpgException.Reason.DAMAGED, e.getMessage());
        }
    }
}
