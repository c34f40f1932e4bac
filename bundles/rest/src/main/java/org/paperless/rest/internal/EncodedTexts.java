package org.paperless.rest.internal;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Documents' texts (and lists' ids) as JSON, escaped and encoded once for as long as storage keeps them: lists answer
 * the same pages again and again, and escaping kilobytes of text with umlauts and line breaks was half of a
 * list's CPU. Keyed by the very string storage holds (weak keys compare by identity), so a document read anew
 * is encoded anew, and nothing outlives the document storage keeps.
 */
final class EncodedTexts {

    /** Shorter texts are written as they are: encoding them costs less than looking them up. */
    private static final int WORTH_KEEPING = 256;

    private static final Cache<String, Encoded> ENCODED = Caffeine.newBuilder().weakKeys().maximumSize(20_000).build();

    private EncodedTexts() {
    }

    /** The text, whole or its first {@link DocumentJson#TRUNCATED_CONTENT} characters, for a JSON answer. */
    static Object of(String text, boolean truncate) {
        int limit = DocumentJson.TRUNCATED_CONTENT;
        if (text == null || text.length() < WORTH_KEEPING) {
            return text == null || !truncate || text.length() <= limit ? text : text.substring(0, limit);
        }
        Encoded encoded = ENCODED.get(text, Encoded::new);
        return truncate && text.length() > limit ? encoded.first() : encoded.whole();
    }

    private static final Cache<List<?>, com.fasterxml.jackson.core.io.SerializedString> ARRAYS = Caffeine.newBuilder()
            .weakKeys().maximumSize(1_000).build();

    /**
     * A long list of ids (paperless-ngx's {@code all}) as a JSON array written once for as long as storage keeps
     * that very list; short ones as they are.
     */
    static Object ids(List<?> ids) {
        if (ids.size() < WORTH_KEEPING) {
            return ids;
        }
        return new RawArray(ARRAYS.get(ids, list -> {
            StringBuilder json = new StringBuilder(list.size() * 7).append('[');
            for (int i = 0; i < list.size(); i++) {
                json.append(i == 0 ? "" : ",").append(list.get(i));
            }
            return new com.fasterxml.jackson.core.io.SerializedString(json.append(']').toString());
        }));
    }

    /** A JSON array written as it is. */
    private record RawArray(com.fasterxml.jackson.core.io.SerializedString json) implements JsonSerializable {
        @Override
        public void serialize(JsonGenerator out, SerializerProvider serializers) throws IOException {
            out.writeRawValue(json);
        }

        @Override
        public void serializeWithType(JsonGenerator out, SerializerProvider serializers, TypeSerializer type)
                throws IOException {
            serialize(out, serializers);
        }
    }

    /** The escaped UTF-8 of a text and of its beginning, each made when first asked for. */
    private static final class Encoded {
        private final String text;
        private volatile Raw whole;
        private volatile Raw first;

        Encoded(String text) {
            this.text = text;
        }

        Raw whole() {
            Raw w = whole;
            return w != null ? w : (whole = new Raw(JsonStringEncoder.getInstance().quoteAsUTF8(text)));
        }

        Raw first() {
            Raw f = first;
            return f != null ? f : (first = new Raw(JsonStringEncoder.getInstance()
                    .quoteAsUTF8(text.substring(0, DocumentJson.TRUNCATED_CONTENT))));
        }
    }

    /** A JSON string's escaped UTF-8, written between its quotes as it is. */
    private record Raw(byte[] escaped) implements JsonSerializable {
        @Override
        public void serialize(JsonGenerator out, SerializerProvider serializers) throws IOException {
            out.writeRawUTF8String(escaped, 0, escaped.length);
        }

        @Override
        public void serializeWithType(JsonGenerator out, SerializerProvider serializers, TypeSerializer type)
                throws IOException {
            serialize(out, serializers);
        }
    }
}
