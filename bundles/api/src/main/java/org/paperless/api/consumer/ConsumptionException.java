package org.paperless.api.consumer;

import java.nio.file.Path;

/** A file was refused or could not be consumed; the message is the reason. */
public class ConsumptionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path keptAt;

    public ConsumptionException(String message, Path keptAt, Throwable cause) {
        super(message, cause);
        this.keptAt = keptAt;
    }

    /** Where the source file was kept (in failed/), or null when it was left where it was. */
    public Path keptAt() {
        return keptAt;
    }
}
