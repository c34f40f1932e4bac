package org.paperless.api.storage;

import java.io.IOException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Makes the PNG thumbnail a parser renders WebP, the format paperless-ngx keeps thumbnails in (a third of the
 * size, and what its importer expects). Where it cannot (the encoder is not installed, the image is damaged)
 * the caller keeps the PNG.
 */
@ProviderType
public interface WebpEncoder {

    /** @throws IOException saying why not: the encoder missing or failing, the time limit passed */
    byte[] encode(byte[] png) throws IOException;
}
