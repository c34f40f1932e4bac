package org.paperless.consumer.internal;

import java.nio.file.Path;

import org.paperless.api.consumer.ConsumptionException;

/** Consumption is paused (an import runs): nothing was read, and the file stays where it is. */
public class ConsumptionPausedException extends ConsumptionException {
    private static final long serialVersionUID = 1L;

    ConsumptionPausedException(Path source, String reason) {
        super("Consumption is paused while " + reason + "; " + source.getFileName()
                + " stays where it is: consume it again when that has finished", null, null);
    }
}
