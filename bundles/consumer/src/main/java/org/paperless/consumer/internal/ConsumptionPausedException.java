package org.paperless.consumer.internal;

import java.nio.file.Path;

import org.paperless.api.consumer.ConsumptionException;

/** Consumption is paused (an import runs) or was interrupted: nothing was read, and the file stays where it is. */
public class ConsumptionPausedException extends ConsumptionException {
    private static final long serialVersionUID = 1L;

    ConsumptionPausedException(Path source, String reason) {
        this("Consumption is paused while " + reason + "; " + source.getFileName()
                + " stays where it is: consume it again when that has finished");
    }

    private ConsumptionPausedException(String message) {
        super(message, null, null);
    }

    /** The caller was interrupted while the file waited to be read. */
    static ConsumptionPausedException interrupted(Path source) {
        return new ConsumptionPausedException(source.getFileName() + " was not consumed: interrupted while it waited"
                + " to be read; nothing was stored and it stays where it is");
    }
}
