/**
 * The parser SPI: a bundle that reads a kind of file registers a {@link org.paperless.api.parser.DocumentParser}
 * service with the MIME types it handles. A third-party parser compiles against this package alone.
 */
@Version("1.4.0")
package org.paperless.api.parser;

import org.osgi.annotation.versioning.Version;
