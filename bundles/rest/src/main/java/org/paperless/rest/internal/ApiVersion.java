package org.paperless.rest.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API version a client asks for in {@code Accept: application/json; version=N}, as paperless-ngx negotiates
 * it: 9 (paperless-ngx 2.x: lists carry {@code all}, tasks are a plain list) or 10 (3.x: neither). Without a
 * version the answer is version 9, what clients written for 2.x expect; any other version is refused (406).
 */
final class ApiVersion {

    static final int MIN = 9;
    static final int MAX = 10;
    static final int DEFAULT = 9;
    private static final Pattern VERSION = Pattern.compile("version\\s*=\\s*([^;,\\s]*)");

    private ApiVersion() {
    }

    static int of(String accept) {
        if (accept == null) {
            return DEFAULT;
        }
        Matcher m = VERSION.matcher(accept);
        if (!m.find()) {
            return DEFAULT;
        }
        String value = m.group(1);
        if (!value.matches("\\d{1,3}") || Integer.parseInt(value) < MIN || Integer.parseInt(value) > MAX) {
            throw ApiException.detail(406, "Invalid version in \"Accept\" header.");
        }
        return Integer.parseInt(value);
    }
}
