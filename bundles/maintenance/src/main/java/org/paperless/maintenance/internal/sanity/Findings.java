package org.paperless.maintenance.internal.sanity;

import java.nio.file.Path;
import java.util.List;

import org.paperless.api.maintenance.SanityMessage;

/**
 * What the check of one document found.
 *
 * @param messages its messages, in the order paperless-ngx checks: thumbnail, original, archive, content
 * @param filesRead how many of its files were read to the end
 * @param referenced its files that exist, so that the orphan search leaves them alone
 */
record Findings(List<SanityMessage> messages, int filesRead, List<Path> referenced) {

    Findings {
        messages = List.copyOf(messages);
        referenced = List.copyOf(referenced);
    }
}
