package org.paperless.rest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.paperless.api.index.Completion;
import org.paperless.api.security.ApiUser;
import org.paperless.api.storage.DocumentQuery;

/** Every endpoint of the API, and the small ones that need no class of their own. */
final class ApiRoutes {

    /** The paperless-ngx version whose API these endpoints follow, for clients that check it. */
    static final String VERSION = "2.20.0";
    static final List<String> ROOT = List.of("correspondents", "document_types", "documents", "storage_paths",
            "tags", "tasks", "custom_fields", "ui_settings", "status", "statistics", "search", "remote_version", "trash", "schema",
            "users", "groups", "saved_views", "mail_accounts", "mail_rules", "processed_mail", "bulk_edit_objects");

    private ApiRoutes() {
    }

    static List<Route> all(Services services, Uploads uploads, ApiServlet servlet, long maxUploadBytes, String url) {
        List<Route> routes = new ArrayList<>();
        routes.add(Route.of("GET", "/", r -> root(r, url)));
        routes.add(Route.open("POST", "/token/", r -> token(r, servlet, services)));
        new DocumentsResource(services, url).routes(routes);
        new BulkEdit(services, servlet::inBackground, uploads).routes(routes);
        new BulkEditObjects(services).routes(routes);
        new GlobalSearch(services).routes(routes);
        new CustomFieldsResource(services, url).routes(routes);
        new TrashResource(services, url).routes(routes);
        new UsersResource(services, servlet, url).routes(routes);
        servlet.browsers().routes(routes);
        new GroupsResource(services, url).routes(routes);
        new SavedViewsResource(services, url).routes(routes);
        new MailResource(services, url, servlet::inBackground).routes(routes);
        new UploadResource(services, uploads, maxUploadBytes).routes(routes);
        new ObjectsResource<>(ObjectKind.tags(services), services, url).routes(routes);
        new ObjectsResource<>(ObjectKind.correspondents(services), services, url).routes(routes);
        new ObjectsResource<>(ObjectKind.documentTypes(services), services, url).routes(routes);
        new ObjectsResource<>(ObjectKind.storagePaths(services), services, url).routes(routes);
        routes.add(Route.of("GET", "/search/autocomplete/", r -> autocomplete(r, services)));
        routes.add(Route.of("GET", "/statistics/", r -> statistics(services)));
        routes.add(Route.open("GET", "/remote_version/", r -> Reply.ok(Map.of("version", "0.0.0", "update_available", false))));
        routes.add(Route.of("GET", "/ui_settings/", ApiRoutes::uiSettings));
        routes.add(Route.of("GET", "/status/", r -> status(r, services)));
        OpenApi.routes(routes);
        return routes;
    }

    private static Reply root(ApiRequest r, String url) {
        Map<String, Object> json = new LinkedHashMap<>();
        String base = Links.base(r.http(), url) + "/api/";
        for (String name : ROOT) {
            json.put(name, base + name + "/");
        }
        return Reply.ok(json);
    }

    /** {@code {"username", "password"}} (JSON or a form) to {@code {"token"}}; the same token each time. */
    private static Reply token(ApiRequest r, ApiServlet servlet, Services services) throws java.io.IOException {
        String type = String.valueOf(r.http().getContentType()).toLowerCase();
        String username;
        String password;
        if (type.startsWith("application/json")) {
            var body = r.json();
            username = body.path("username").asText("");
            password = body.path("password").asText("");
        } else {
            username = r.param("username").orElse("");
            password = r.param("password").orElse("");
        }
        if (username.isEmpty()) {
            throw ApiException.invalid("username", "This field is required.");
        }
        if (password.isEmpty()) {
            throw ApiException.invalid("password", "This field is required.");
        }
        ApiUser user = servlet.login(r.http(), username, password);
        return Reply.ok(Map.of("token", services.authenticator().token(user)));
    }

    private static Reply autocomplete(ApiRequest r, Services services) throws Exception {
        String term = r.param("term").orElseThrow(() -> ApiException.detail(400, "Term required"));
        int limit = r.integer("limit", 10, 1, 100);
        org.paperless.api.security.ApiUser user = r.user();
        if (user == null || user.admin()) {
            return Reply.ok(services.index().autocomplete(term, limit).stream().map(Completion::word).toList());
        }
        java.util.Set<Long> shared = new java.util.HashSet<>();
        services.permissions().grants(org.paperless.api.security.ObjectType.DOCUMENT).forEach((id, grants) -> {
            if (grants.viewUsers().contains(user.name())
                    || grants.viewGroups().stream().anyMatch(user.groups()::contains)) {
                shared.add(id);
            }
        });
        return Reply.ok(services.index().autocomplete(term, limit, new org.paperless.api.index.SearchIndex.Reader(
                user.name(), shared)).stream().map(Completion::word).toList());
    }

    private static Reply statistics(Services services) {
        Map<String, Object> json = new LinkedHashMap<>();
        long total = services.documents().count();
        json.put("documents_total", total);
        var inboxTags = services.tags().list().stream().filter(org.paperless.api.Tag::inbox).map(t -> t.id()).toList();
        json.put("documents_inbox", inboxTags.isEmpty() ? null : services.documents().query(new DocumentQuery(
                List.of(new DocumentQuery.TagsAny(java.util.Set.copyOf(inboxTags))), List.of(), 0, 0, false)).count());
        json.put("inbox_tag", inboxTags.isEmpty() ? null : inboxTags.get(0));
        json.put("inbox_tags", inboxTags);
        json.put("character_count", null);
        json.put("tag_count", services.tags().count());
        json.put("correspondent_count", services.correspondents().count());
        json.put("document_type_count", services.documentTypes().count());
        json.put("storage_path_count", services.storagePaths().count());
        json.put("document_file_type_counts", List.of());
        return Reply.ok(json);
    }

    private static Reply uiSettings(ApiRequest r) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", Users.id(r.user().name()));
        user.put("username", r.user().name());
        user.put("is_staff", r.user().admin());
        user.put("is_superuser", r.user().admin());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("user", user);
        json.put("settings", Map.of());
        json.put("permissions", permissions(r.user()));
        return Reply.ok(json);
    }

    /** What the user may do, as paperless-ngx's permission codenames, which its apps read to show what is possible. */
    static List<String> permissions(org.paperless.api.security.ApiUser user) {
        List<String> models = new ArrayList<>(List.of("document", "tag", "correspondent", "documenttype", "storagepath",
                "savedview", "note", "customfield", "paperlesstask"));
        if (user.admin()) {
            models.addAll(List.of("user", "group", "uisettings"));
        }
        List<String> codenames = new ArrayList<>();
        for (String model : models) {
            for (String action : new String[] {"add", "change", "delete", "view"}) {
                codenames.add(action + "_" + model);
            }
        }
        if (!user.admin()) {
            codenames.add("view_user");
            codenames.add("view_group");
        }
        return codenames;
    }

    private static Reply status(ApiRequest r, Services services) {
        if (!r.user().admin()) {
            throw ApiException.detail(403, "You do not have permission to perform this action.");
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pngx_version", VERSION);
        json.put("server_os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        json.put("install_type", "karaf");
        Map<String, Object> database = new LinkedHashMap<>();
        database.put("status", services.documents == null ? "ERROR" : "OK");
        json.put("database", database);
        Map<String, Object> tasks = new LinkedHashMap<>();
        tasks.put("index_status", services.index == null ? "ERROR" : "OK");
        tasks.put("consumer_status", services.consumer == null ? "ERROR" : "OK");
        json.put("tasks", tasks);
        return Reply.ok(json);
    }
}
