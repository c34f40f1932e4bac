package org.paperless.mail.internal;

import java.util.Optional;

/** Which stored document (in the trash too) has a file with this SHA-256. */
@FunctionalInterface
interface KnownChecksums {

    Optional<Long> documentWith(String sha256);
}
