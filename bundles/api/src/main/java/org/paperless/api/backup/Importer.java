package org.paperless.api.backup;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Imports an export (ours or paperless-ngx's, a folder or a zip) into an instance without documents.
 * Every file is checked before anything is written; the import is all or nothing.
 */
@ProviderType
public interface Importer {

    ImportReport importFrom(Path source, ImportOptions options, Progress progress) throws IOException;
}
