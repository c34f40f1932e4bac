package org.paperless.rest.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.servlet.http.HttpServletRequest;

/**
 * {@code page} and {@code page_size} as paperless-ngx reads them (pages from 1; 25 a page when the size is
 * missing, not a number or not positive; at most 100,000), and the list answer it writes: {@code count},
 * {@code next}, {@code previous}, {@code all} (API version 9 only) and {@code results}.
 */
record Paging(int page, int size) {

    static final int DEFAULT_SIZE = 25;
    static final int MAX_SIZE = 100_000;

    static Paging of(ApiRequest r) {
        String sizeText = r.param("page_size").orElse("");
        int size = sizeText.matches("\\d{1,9}") && Integer.parseInt(sizeText) > 0
                ? Math.min(Integer.parseInt(sizeText), MAX_SIZE) : DEFAULT_SIZE;
        String pageText = r.param("page").orElse("1");
        if (!pageText.matches("\\d{1,9}") || Integer.parseInt(pageText) < 1
                || Integer.parseInt(pageText) > Integer.MAX_VALUE / size) {
            throw ApiException.detail(404, "Invalid page.");
        }
        return new Paging(Integer.parseInt(pageText), size);
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

    /** Whether the answer lists every matching id ({@code all}): in API version 9, not in 10. */
    static boolean withAll(ApiRequest r) {
        return r.version() < 10;
    }

    /** @param all the ids of every match (a list, or JSON written before), or null for none */
    Map<String, Object> answer(ApiRequest r, String baseUrl, long count, Object all, List<?> results) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", count);
        json.put("next", (long) offset() + size < count ? link(r.http(), baseUrl, page + 1) : null);
        json.put("previous", page > 1 ? link(r.http(), baseUrl, page - 1) : null);
        if (all != null && withAll(r)) {
            json.put("all", all);
        }
        json.put("results", results);
        return json;
    }

    /** The same request with another page, its parameters sorted by name as Django REST framework writes them. */
    private static String link(HttpServletRequest http, String baseUrl, int page) {
        Map<String, String[]> parameters = new TreeMap<>(http.getParameterMap());
        parameters.remove("page");
        if (page > 1) {
            parameters.put("page", new String[] {Integer.toString(page)});
        }
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String[]> p : parameters.entrySet()) {
            for (String v : p.getValue()) {
                query.append(query.length() == 0 ? "?" : "&").append(enc(p.getKey())).append('=').append(enc(v));
            }
        }
        return Links.base(http, baseUrl) + http.getRequestURI() + query;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
