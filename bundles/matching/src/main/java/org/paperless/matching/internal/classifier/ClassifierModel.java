package org.paperless.matching.internal.classifier;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import de.bwaldvogel.liblinear.Model;

/**
 * A trained classifier as stored: format version, the fingerprint of the data it learnt from, the
 * vocabulary, and one logistic-regression model per field (and per AUTO tag), signed with HMAC-SHA256 so
 * that a corrupt, foreign or tampered file is never loaded.
 */
record ClassifierModel(String fingerprint, String[] vocabulary, Map<String, Model> models) {

    /** 2: one yes/no model per class of a single-valued field (1 had one multi-class model per field). */
    static final int FORMAT = 2;
    private static final int MAGIC = 0x504C4346; // "PLCF"
    private static final int SIGNATURE_BYTES = 32;

    byte[] toSignedBytes(byte[] key) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(fingerprint);
            out.writeInt(vocabulary.length);
            for (String term : vocabulary) {
                out.writeUTF(term);
            }
            out.writeInt(models.size());
            for (Map.Entry<String, Model> model : models.entrySet()) {
                out.writeUTF(model.getKey());
                ByteArrayOutputStream text = new ByteArrayOutputStream();
                try (OutputStreamWriter writer = new OutputStreamWriter(text, StandardCharsets.UTF_8)) {
                    model.getValue().save(writer);
                }
                out.writeInt(text.size());
                text.writeTo(out);
            }
        }
        byte[] body = bytes.toByteArray();
        byte[] signed = Arrays.copyOf(body, body.length + SIGNATURE_BYTES);
        System.arraycopy(hmac(key, body, body.length), 0, signed, body.length, SIGNATURE_BYTES);
        return signed;
    }

    /** @throws IOException with the reason when the file is damaged, foreign (other key) or of another format */
    static ClassifierModel fromSignedBytes(byte[] signed, byte[] key) throws IOException {
        if (signed.length <= SIGNATURE_BYTES) {
            throw new IOException("the model file is truncated");
        }
        int length = signed.length - SIGNATURE_BYTES;
        byte[] expected = hmac(key, signed, length);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(signed, length, signed.length))) {
            throw new IOException("the model file's signature does not match (damaged, or written with another key)");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(signed, 0, length))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not a classifier model");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IOException("the model has format " + format + ", this version reads " + FORMAT);
            }
            String fingerprint = in.readUTF();
            String[] vocabulary = new String[in.readInt()];
            for (int i = 0; i < vocabulary.length; i++) {
                vocabulary[i] = in.readUTF();
            }
            int count = in.readInt();
            Map<String, Model> models = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                byte[] text = in.readNBytes(in.readInt());
                models.put(name, Model.load(new InputStreamReader(new ByteArrayInputStream(text), StandardCharsets.UTF_8)));
            }
            return new ClassifierModel(fingerprint, vocabulary, models);
        } catch (RuntimeException e) {
            throw new IOException("the model file cannot be read: " + e, e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data, int length) throws IOException {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(data, 0, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IOException("HMAC-SHA256 is not available: " + e.getMessage(), e);
        }
    }
}
