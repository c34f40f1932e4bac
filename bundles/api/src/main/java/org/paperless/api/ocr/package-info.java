/** OCR as a service, for parsers that meet pages without text (a scanned PDF), and the OCR settings they share. */
@Version("1.1.0")
package org.paperless.api.ocr;

import org.osgi.annotation.versioning.Version;
