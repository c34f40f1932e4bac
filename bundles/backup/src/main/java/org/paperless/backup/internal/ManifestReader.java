package org.paperless.backup.internal;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a manifest record by record: only one record is in memory at a time. */
final class ManifestReader {

    @FunctionalInterface
    interface RecordStep {
        void accept(JsonNode record) throws IOException;
    }

    private ManifestReader() {
    }

    static void forEach(ObjectMapper mapper, InputStream in, String name, RecordStep step) throws IOException {
        try (JsonParser parser = mapper.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException(name + " is no manifest: it does not hold a JSON array of records");
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token != JsonToken.START_OBJECT) {
                    throw new IOException(name + " is damaged near line " + parser.currentLocation().getLineNr()
                            + ": a record was expected");
                }
                JsonNode record = mapper.readTree(parser);
                if (!record.hasNonNull("model")) {
                    throw new IOException(name + " holds a record without a model near line "
                            + parser.currentLocation().getLineNr());
                }
                step.accept(record);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(name + " is damaged: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ")");
        }
    }
}
