package org.paperless.api.backup;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/** Reads every file of an existing export (folder or zip) and checks it against the manifest. */
@ProviderType
public interface ExportVerifier {

    VerifyReport verify(Path export, Progress progress) throws IOException;
}
