package org.paperless.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /api/schema/}: an OpenAPI 3 description made from the routes themselves (paths, methods, path numbers,
 * the document list's filters and the logins), so it cannot drift from what the servlet answers; and
 * {@code /api/schema/view/}, Swagger UI (embedded) rendering it.
 */
final class OpenApi {

    static final String SWAGGER_UI = "META-INF/resources/webjars/swagger-ui/5.35.0/";

    private OpenApi() {
    }

    static void routes(List<Route> routes) {
        routes.add(Route.open("GET", "/schema/", r -> Reply.ok(describe(routes))));
        routes.add(Route.open("GET", "/schema/view/", r -> Reply.resource(page(), "text/html; charset=utf-8")));
        routes.add(Route.open("GET", "/schema/view/swagger-ui-bundle.js",
                r -> Reply.resource(SWAGGER_UI + "swagger-ui-bundle.js", "application/javascript")));
        routes.add(Route.open("GET", "/schema/view/swagger-ui.css",
                r -> Reply.resource(SWAGGER_UI + "swagger-ui.css", "text/css")));
    }

    private static String page() {
        return "org/paperless/rest/internal/schema-view.html";
    }

    static Map<String, Object> describe(List<Route> routes) {
        Map<String, Object> paths = new TreeMap<>();
        for (Route route : routes) {
            String path = "/api/" + String.join("/", route.segments()) + (route.segments().isEmpty() ? "" : "/");
            if (path.startsWith("/api/schema/")) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(path, p -> new LinkedHashMap<>());
            Map<String, Object> operation = new LinkedHashMap<>();
            operation.put("summary", route.method() + " " + path);
            List<Map<String, Object>> parameters = new java.util.ArrayList<>();
            for (String segment : route.segments()) {
                if (segment.startsWith("{")) {
                    parameters.add(Map.of("name", segment.substring(1, segment.length() - 1), "in", "path",
                            "required", true, "schema", Map.of("type", "integer")));
                }
            }
            if (path.equals("/api/documents/") && route.method().equals("GET")) {
                for (String filter : DocumentFilters.NAMES) {
                    parameters.add(Map.of("name", filter, "in", "query", "required", false, "schema", Map.of("type", "string")));
                }
            }
            if (!parameters.isEmpty()) {
                operation.put("parameters", parameters);
            }
            if (route.open()) {
                operation.put("security", List.of());
            }
            operation.put("responses", Map.of("200", Map.of("description", "OK")));
            item.put(route.method().toLowerCase(Locale.ROOT), operation);
        }
        Map<String, Object> schemes = new LinkedHashMap<>();
        schemes.put("basicAuth", Map.of("type", "http", "scheme", "basic"));
        schemes.put("tokenAuth", Map.of("type", "apiKey", "in", "header", "name", "Authorization",
                "description", "Token <token from POST /api/token/>"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("openapi", "3.0.3");
        json.put("info", Map.of("title", "Paperless REST API", "version", String.valueOf(ApiVersion.MAX),
                "description", "paperless-ngx's REST API as this instance answers it; see docs/API.md"));
        json.put("paths", paths);
        json.put("components", Map.of("securitySchemes", schemes));
        json.put("security", List.of(Map.of("basicAuth", List.of()), Map.of("tokenAuth", List.of())));
        return json;
    }
}
