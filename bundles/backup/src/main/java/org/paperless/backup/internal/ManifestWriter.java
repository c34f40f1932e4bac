package org.paperless.backup.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A manifest written record by record: memory does not grow with the number of documents. */
final class ManifestWriter implements ManifestOut {

    private final ObjectMapper mapper;
    private final OutputStream out;
    private final JsonGenerator json;

    ManifestWriter(ObjectMapper mapper, Path file) throws IOException {
        this.mapper = mapper;
        this.out = Files.newOutputStream(file);
        this.json = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter();
        json.writeStartArray();
    }

    @Override
    public void write(ObjectNode record) throws IOException {
        mapper.writeTree(json, record);
    }

    @Override
    public void close() throws IOException {
        try (out) {
            json.writeEndArray();
            json.close();
        }
    }
}
