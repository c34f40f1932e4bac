package org.paperless.mail.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How the fetcher talks to IMAP servers.
 *
 * @param connectTimeout for opening the connection
 * @param readTimeout for each answer (and each write) once connected
 * @param trustedCertificates a PEM file of certificates to trust beside the JVM's, or null
 */
record ImapSettings(Duration connectTimeout, Duration readTimeout, Path trustedCertificates) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** paperless-ngx's PAPERLESS_EMAIL_CERTIFICATE_LOCATION names the extra certificates. */
    static ImapSettings fromEnvironment(Map<String, String> env) {
        String pem = env.get("PAPERLESS_EMAIL_CERTIFICATE_LOCATION");
        return new ImapSettings(DEFAULT_TIMEOUT, DEFAULT_TIMEOUT, pem == null || pem.isBlank() ? null : Path.of(pem.strip()));
    }
}
