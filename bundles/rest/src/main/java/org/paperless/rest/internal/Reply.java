package org.paperless.rest.internal;

import java.nio.file.Path;

/**
 * What a handler answers: JSON (any value Jackson writes) or a file.
 *
 * @param status the HTTP status
 * @param json the body, or null for none
 * @param file a file to send instead, or null
 * @param contentType the file's type
 * @param fileName the name offered to save it as
 * @param inline whether to show it rather than save it
 * @param resource a file of the bundle's class path to send instead, or null
 * @param cookies Set-Cookie headers to send with it
 */
record Reply(int status, Object json, Path file, String contentType, String fileName, boolean inline, String resource,
        java.util.List<String> cookies) {

    Reply {
        cookies = cookies == null ? java.util.List.of() : java.util.List.copyOf(cookies);
    }

    Reply(int status, Object json, Path file, String contentType, String fileName, boolean inline) {
        this(status, json, file, contentType, fileName, inline, null, null);
    }

    Reply(int status, Object json, Path file, String contentType, String fileName, boolean inline, String resource) {
        this(status, json, file, contentType, fileName, inline, resource, null);
    }

    /** The same answer, setting one more cookie. */
    Reply withCookie(String setCookie) {
        java.util.List<String> all = new java.util.ArrayList<>(cookies);
        all.add(setCookie);
        return new Reply(status, json, file, contentType, fileName, inline, resource, all);
    }

    /** A file inside the bundle (its class path), such as the schema page. */
    static Reply resource(String name, String contentType) {
        return new Reply(200, null, null, contentType, null, true, name);
    }

    static Reply ok(Object json) {
        return new Reply(200, json, null, null, null, false);
    }

    static Reply created(Object json) {
        return new Reply(201, json, null, null, null, false);
    }

    static Reply noContent() {
        return new Reply(204, null, null, null, null, false);
    }

    static Reply file(Path file, String contentType, String fileName, boolean inline) {
        return new Reply(200, null, file, contentType, fileName, inline);
    }
}
