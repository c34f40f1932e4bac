package org.paperless.rest.internal;

import java.util.Map;

/** A request the API answers with an error: its status and a JSON body as paperless-ngx gives it. */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Object body;

    private ApiException(int status, String message, Object body) {
        super(message);
        this.status = status;
        this.body = body;
    }

    /** An error with a {@code {"detail": ...}} body. */
    static ApiException detail(int status, String detail) {
        return new ApiException(status, detail, Map.of("detail", detail));
    }

    /** A validation error: {@code {"field": ["message"]}}, status 400. */
    static ApiException invalid(String field, String message) {
        return new ApiException(400, field + ": " + message, Map.of(field, java.util.List.of(message)));
    }

    static ApiException notFound() {
        return detail(404, "No object matches the given query.");
    }

    int status() {
        return status;
    }

    Object body() {
        return body;
    }
}
