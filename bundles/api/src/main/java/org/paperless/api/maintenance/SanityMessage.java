package org.paperless.api.maintenance;

import java.util.Objects;

/**
 * One finding of the sanity check.
 *
 * @param documentId the document it is about, or null for the media folder as a whole (an orphaned file)
 * @param level how bad it is
 * @param message what was found, as paperless-ngx words it
 */
public record SanityMessage(Long documentId, Level level, String message) {

    public enum Level { ERROR, WARNING, INFO }

    public SanityMessage {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
    }
}
