package org.paperless.api.backup;

import java.io.IOException;

import org.osgi.annotation.versioning.ProviderType;

/** Writes the whole collection to a folder (or a zip): files, manifest.json and metadata.json. */
@ProviderType
public interface Exporter {

    ExportReport export(ExportOptions options, Progress progress) throws IOException;
}
