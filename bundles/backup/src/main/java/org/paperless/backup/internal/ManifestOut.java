package org.paperless.backup.internal;

import java.io.Closeable;
import java.io.IOException;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Where an export's records go, one by one. */
interface ManifestOut extends Closeable {

    void write(ObjectNode record) throws IOException;
}
