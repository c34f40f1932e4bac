package org.paperless.mail.internal;

import java.nio.file.Path;

/**
 * One file of a mail to consume: an attachment, or the whole mail as .eml.
 *
 * @param file its copy in the mail's staging folder
 * @param name the file name the document keeps
 * @param sha256 of the file, lower-case hex, as the consumer records it
 */
record Piece(Path file, String name, String sha256, boolean wholeMail) {
}
