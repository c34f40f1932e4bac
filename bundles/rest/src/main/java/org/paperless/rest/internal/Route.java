package org.paperless.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One endpoint: a method and a path such as {@code /documents/{id}/download/}, where each {@code {name}} is a
 * number. paperless-ngx's paths end with a slash; a request without it is answered the same.
 */
record Route(String method, List<String> segments, Handler handler, boolean open) {

    /** Does the work of an endpoint. */
    @FunctionalInterface
    interface Handler {
        Reply handle(ApiRequest request) throws Exception;
    }

    static Route of(String method, String path, Handler handler) {
        return new Route(method, split(path), handler, false);
    }

    /** An endpoint that answers without credentials. */
    static Route open(String method, String path, Handler handler) {
        return new Route(method, split(path), handler, true);
    }

    static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }

    /** The path's numbers when the path is this route's. */
    Optional<List<Long>> match(List<String> path) {
        if (path.size() != segments.size()) {
            return Optional.empty();
        }
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            String expected = segments.get(i);
            String actual = path.get(i);
            if (expected.startsWith("{")) {
                if (!actual.matches("\\d{1,18}")) {
                    return Optional.empty();
                }
                ids.add(Long.parseLong(actual));
            } else if (!expected.equals(actual)) {
                return Optional.empty();
            }
        }
        return Optional.of(ids);
    }
}
