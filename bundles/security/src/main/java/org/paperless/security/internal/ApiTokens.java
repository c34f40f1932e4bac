package org.paperless.security.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * Each user's API token in {@code <data>/security/api-tokens.properties} (user = token), readable by the owner
 * only, as the users file beside it. Written through a temporary file and a rename, so a crash leaves the old
 * file or the new one. Tokens are compared in constant time.
 */
final class ApiTokens {

    static final String FILE = "api-tokens.properties";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The login service and the user directory each hold one of these over the same file. */
    private static final Object LOCK = new Object();

    private final Path file;

    ApiTokens(Path file) {
        this.file = file;
    }

    /** The user a token belongs to. */
    Optional<String> user(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        byte[] given = token.getBytes(StandardCharsets.UTF_8);
        Properties all;
        synchronized (LOCK) {
            all = load();
        }
        for (String user : all.stringPropertyNames()) {
            if (MessageDigest.isEqual(given, all.getProperty(user).getBytes(StandardCharsets.UTF_8))) {
                return Optional.of(user);
            }
        }
        return Optional.empty();
    }

    /** The user's token, made now if they have none. */
    String tokenOf(String user) throws IOException {
        synchronized (LOCK) {
            Properties all = load();
            String token = all.getProperty(user);
            if (token != null) {
                return token;
            }
            byte[] bytes = new byte[20];
            RANDOM.nextBytes(bytes);
            token = HexFormat.of().formatHex(bytes);
            all.setProperty(user, token);
            save(all);
            return token;
        }
    }

    /** Forgets the user's token: a user made later under the same name gets a new one. */
    void revoke(String user) throws IOException {
        synchronized (LOCK) {
            Properties all = load();
            if (all.remove(user) != null) {
                save(all);
            }
        }
    }

    private void save(Properties all) throws IOException {
        Path temporary = file.resolveSibling(FILE + ".tmp");
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            all.store(out, "API tokens (Authorization: Token ...); remove a line to revoke a token");
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Properties load() {
        Properties all = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                all.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return all;
    }
}
