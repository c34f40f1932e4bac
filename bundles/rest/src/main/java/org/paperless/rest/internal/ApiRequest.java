package org.paperless.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.paperless.api.security.ApiUser;

/** A request as the handlers see it: who asks, the path's numbers, the query parameters, the JSON body. */
final class ApiRequest {

    /** The largest JSON body read: documents' metadata, never files (those come as multipart uploads). */
    static final int MAX_JSON_BYTES = 1 << 20;

    private final HttpServletRequest http;
    private final ApiUser user;
    private final List<Long> ids;
    private final int version;

    ApiRequest(HttpServletRequest http, ApiUser user, List<Long> ids, int version) {
        this.http = http;
        this.user = user;
        this.ids = List.copyOf(ids);
        this.version = version;
    }

    /** The API version the client asked for ({@link ApiVersion}). */
    int version() {
        return version;
    }

    HttpServletRequest http() {
        return http;
    }

    ApiUser user() {
        return user;
    }

    /** The path's first number, such as the document id of {@code /documents/{id}/}. */
    long id() {
        return ids.get(0);
    }

    Optional<String> param(String name) {
        String value = http.getParameter(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    boolean has(String name) {
        return param(name).isPresent();
    }

    /** A yes/no parameter as Django's filters read it: true, 1 or yes (any case) are yes; the rest no. */
    Optional<Boolean> flag(String name) {
        return param(name).map(v -> v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes"));
    }

    Optional<Long> number(String name) {
        return param(name).map(v -> parseNumber(name, v));
    }

    int integer(String name, int fallback, int min, int max) {
        long value = number(name).orElse((long) fallback);
        if (value < min || value > max) {
            throw ApiException.invalid(name, "must be between " + min + " and " + max);
        }
        return (int) value;
    }

    /** A comma-separated list of numbers, such as {@code id__in=1,2,3}. */
    Optional<Set<Long>> numbers(String name) {
        return param(name).map(v -> {
            Set<Long> values = new LinkedHashSet<>();
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    values.add(parseNumber(name, part.trim()));
                }
            }
            if (values.size() > org.paperless.api.storage.DocumentQuery.MAX_VALUES) {
                throw ApiException.invalid(name, "at most " + org.paperless.api.storage.DocumentQuery.MAX_VALUES + " values");
            }
            return values;
        });
    }

    /** A day: {@code 2024-03-01}, or the date part of a date-time such as {@code 2024-03-01T00:00:00Z}. */
    Optional<LocalDate> date(String name) {
        return param(name).map(v -> parseDate(name, v));
    }

    static LocalDate parseDate(String field, String value) {
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.");
        }
    }

    private static long parseNumber(String name, String value) {
        if (!value.matches("-?\\d{1,18}")) {
            throw ApiException.invalid(name, "A valid integer is required.");
        }
        return Long.parseLong(value);
    }

    /** The body as a JSON object, at most {@link #MAX_JSON_BYTES}. */
    ObjectNode json() throws IOException {
        if (http.getContentLengthLong() > MAX_JSON_BYTES) {
            throw ApiException.detail(413, "The request body is larger than " + MAX_JSON_BYTES + " bytes.");
        }
        byte[] body;
        try (InputStream in = http.getInputStream()) {
            body = in.readNBytes(MAX_JSON_BYTES + 1);
        }
        if (body.length > MAX_JSON_BYTES) {
            throw ApiException.detail(413, "The request body is larger than " + MAX_JSON_BYTES + " bytes.");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw ApiException.detail(400, "JSON parse error - " + firstLine(e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            throw ApiException.detail(400, "Invalid data. Expected a dictionary.");
        }
        return (ObjectNode) node;
    }

    /** Whether the client asked for these fields only ({@code fields=id,title}); empty for all. */
    List<String> fields() {
        List<String> fields = new ArrayList<>();
        param("fields").ifPresent(v -> {
            for (String f : v.split(",")) {
                if (!f.isBlank()) {
                    fields.add(f.trim());
                }
            }
        });
        return fields;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
