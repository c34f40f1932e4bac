/** OCR as a service, for parsers that meet pages without text (a scanned PDF). */
@Version("1.0.0")
package org.paperless.api.ocr;

import org.osgi.annotation.versioning.Version;
