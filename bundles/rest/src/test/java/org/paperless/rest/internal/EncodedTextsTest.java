package org.paperless.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class EncodedTextsTest {

    private static JsonNode written(Object value) throws Exception {
        Map<String, Object> map = new java.util.HashMap<>();
        map.put("v", value);
        return Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(map)).get("v");
    }

    @Test
    void textsReadBackAsTheyWereWholeOrTruncated() throws Exception {
        String text = ("Grüße \"quoted\" back\\slash\ttab\nline \u0001 € 😀 ").repeat(40);
        assertEquals(text, written(EncodedTexts.of(text, false)).asText());
        assertEquals(text, written(EncodedTexts.of(text, false)).asText(), "the kept encoding too");
        assertEquals(text.substring(0, DocumentJson.TRUNCATED_CONTENT), written(EncodedTexts.of(text, true)).asText());
        assertEquals("short", written(EncodedTexts.of("short", true)).asText());
        assertEquals(true, written(EncodedTexts.of(null, false)).isNull());
    }

    @Test
    void longListsOfIdsReadBackInOrder() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (long i = 100_000; i > 99_000; i--) {
            ids.add(i);
        }
        JsonNode all = written(EncodedTexts.ids(ids));
        assertEquals(ids.size(), all.size());
        assertEquals(100_000L, all.get(0).asLong());
        assertEquals(99_001L, all.get(all.size() - 1).asLong());
        assertEquals(List.of(3L, 1L), Json.MAPPER.convertValue(written(EncodedTexts.ids(List.of(3L, 1L))), List.class)
                .stream().map(n -> ((Number) n).longValue()).toList());
    }
}
