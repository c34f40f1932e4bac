/** Long-term archive copies: PDF/A versions of PDFs that already carry their text. */
@Version("1.0.0")
package org.paperless.api.archive;

import org.osgi.annotation.versioning.Version;
