/** Backup and migration: the exporter, the importer and the check of an existing export. */
@Version("1.2.0")
package org.paperless.api.backup;

import org.osgi.annotation.versioning.Version;
