package org.paperless.backup.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One JSON setup for writing and reading manifests: decimals exactly as written. An export to import
 * comes from anywhere, so what the parser accepts is bounded: a document's text is the longest string
 * a manifest holds, a number has no business being longer than a 64-bit integer or a double written
 * out, and records nest a few levels deep.
 */
final class Json {

    /** The longest string value: the text of a document of a few thousand pages. */
    static final int MAX_STRING_CHARS = 64 * 1024 * 1024;
    static final int MAX_NUMBER_CHARS = 100;
    static final int MAX_NESTING = 32;
    /** One manifest file, however many documents; memory stays flat, this bounds the time. */
    static final long MAX_MANIFEST_BYTES = 16L * 1024 * 1024 * 1024;

    private Json() {
    }

    static ObjectMapper mapper() {
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(MAX_STRING_CHARS).maxNumberLength(MAX_NUMBER_CHARS).maxNestingDepth(MAX_NESTING)
                .maxDocumentLength(MAX_MANIFEST_BYTES).build()).build();
        return new ObjectMapper(factory).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    }
}
