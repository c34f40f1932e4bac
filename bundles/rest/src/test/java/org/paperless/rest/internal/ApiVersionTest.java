package org.paperless.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ApiVersionTest {

    @Test
    void versionNineUnlessTheClientAsksForTen() {
        assertEquals(9, ApiVersion.of(null));
        assertEquals(9, ApiVersion.of("*/*"));
        assertEquals(9, ApiVersion.of("application/json"));
        assertEquals(10, ApiVersion.of("application/json; version=10"));
        assertEquals(9, ApiVersion.of("application/json;version=9"));
    }

    @Test
    void otherVersionsAreRefusedWith406() {
        assertEquals(406, assertThrows(ApiException.class, () -> ApiVersion.of("application/json; version=8")).status());
        assertEquals(406, assertThrows(ApiException.class, () -> ApiVersion.of("application/json; version=abc")).status());
        assertEquals(406, assertThrows(ApiException.class, () -> ApiVersion.of("application/json; version=99999999999")).status());
    }
}
