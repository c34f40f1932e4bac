package org.paperless.rest.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A Content-Disposition header whose file name cannot break out of it (RFC 6266 with an RFC 5987 UTF-8 name). */
final class ContentDisposition {

    private ContentDisposition() {
    }

    static String of(boolean inline, String fileName) {
        String name = fileName == null || fileName.isBlank() ? "document" : fileName;
        String ascii = name.replaceAll("[^\\x20-\\x7e]", "_").replace("\\", "_").replace("\"", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=utf-8''" + encoded;
    }
}
