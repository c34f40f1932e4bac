package org.paperless.consumer.internal;

import java.nio.file.Path;

import org.paperless.api.consumer.ConsumptionException;

/**
 * The file is no longer the one that was found (replaced, grown, swapped for a link): nothing was
 * stored and it stays where it is, to be looked at again once it is stable.
 */
public class FileChangedException extends ConsumptionException {
    private static final long serialVersionUID = 1L;

    FileChangedException(Path source, String what) {
        super(source.getFileName() + " " + what + " while it was being taken; nothing was stored and it stays where it is",
                null, null);
    }
}
