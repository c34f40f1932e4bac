package org.paperless.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RouteTest {

    private final Route download = Route.of("GET", "/documents/{id}/download/", r -> Reply.noContent());

    @Test
    void numbersInThePathAreTheIdsWithOrWithoutTheTrailingSlash() {
        assertEquals(Optional.of(List.of(42L)), download.match(Route.split("/documents/42/download/")));
        assertEquals(Optional.of(List.of(42L)), download.match(Route.split("/documents/42/download")));
    }

    @Test
    void otherPathsDoNotMatch() {
        assertTrue(download.match(Route.split("/documents/abc/download/")).isEmpty());
        assertTrue(download.match(Route.split("/documents/42/")).isEmpty());
        assertTrue(download.match(Route.split("/documents/42/download/extra/")).isEmpty());
        assertTrue(download.match(Route.split("/documents/99999999999999999999/download/")).isEmpty(), "too long a number");
        assertTrue(download.match(Route.split("/documents/../download/")).isEmpty());
    }
}
