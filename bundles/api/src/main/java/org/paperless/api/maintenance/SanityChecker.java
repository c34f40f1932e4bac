package org.paperless.api.maintenance;

import org.osgi.annotation.versioning.ProviderType;
import org.paperless.api.backup.Progress;

/** paperless-ngx's document_sanity_checker: reads every stored file once and compares it with the database. */
@ProviderType
public interface SanityChecker {

    /** Checks every document and the media folder; changes nothing. */
    SanityReport check(Progress progress);
}
