package org.paperless.rest.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;

/**
 * {@code page} and {@code page_size} as paperless-ngx reads them (pages from 1, 25 a page unless asked), and the
 * list answer it writes: {@code count}, {@code next}, {@code previous}, {@code all}, {@code results}.
 */
record Paging(int page, int size) {

    static final int DEFAULT_SIZE = 25;
    static final int MAX_SIZE = 100_000;

    static Paging of(ApiRequest r) {
        int size = r.integer("page_size", DEFAULT_SIZE, 1, MAX_SIZE);
        int page = r.integer("page", 1, 1, Integer.MAX_VALUE / size);
        return new Paging(page, size);
    }

    int offset() {
        return (page - 1) * size;
    }

    /** 404 for a page past the end, as Django's paginator ("Invalid page."); the first page always exists. */
    void check(long count) {
        if (page > 1 && offset() >= count) {
            throw ApiException.detail(404, "Invalid page.");
        }
    }

    Map<String, Object> answer(ApiRequest r, String baseUrl, long count, List<?> all, List<?> results) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", count);
        json.put("next", (long) offset() + size < count ? link(r.http(), baseUrl, page + 1) : null);
        json.put("previous", page > 1 ? link(r.http(), baseUrl, page - 1) : null);
        if (all != null) {
            json.put("all", all);
        }
        json.put("results", results);
        return json;
    }

    /** The same request with another page: its own parameters kept, in their order. */
    private static String link(HttpServletRequest http, String baseUrl, int page) {
        StringBuilder url = new StringBuilder(Links.base(http, baseUrl)).append(http.getRequestURI()).append('?');
        for (Map.Entry<String, String[]> p : http.getParameterMap().entrySet()) {
            if (p.getKey().equals("page")) {
                continue;
            }
            for (String v : p.getValue()) {
                url.append(enc(p.getKey())).append('=').append(enc(v)).append('&');
            }
        }
        return url.append("page=").append(page).toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
