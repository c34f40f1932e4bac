/**
 * The administrator's maintenance work on the stored collection, as paperless-ngx's management commands:
 * the sanity check, the renamer, the archiver, thumbnails, near-duplicates and the decryption of old
 * GPG-encrypted files. Each runs over every document (or one), tells its progress, and reports per document.
 */
@Version("1.0.0")
package org.paperless.api.maintenance;

import org.osgi.annotation.versioning.Version;
