package org.paperless.rest.internal;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.paperless.api.ClassifyingObject;
import org.paperless.api.ConflictException;
import org.paperless.api.security.Access;

/** CRUD of one kind of object under {@code /api/<kind>/}, with paperless-ngx's list filters and document counts. */
final class ObjectsResource<T extends ClassifyingObject> {

    private final ObjectKind<T> kind;
    private final Services services;
    private final Permissions permissions;
    private final String baseUrl;

    ObjectsResource(ObjectKind<T> kind, Services services, String baseUrl) {
        this.kind = kind;
        this.services = services;
        this.permissions = new Permissions(services);
        this.baseUrl = baseUrl;
    }

    void routes(List<Route> routes) {
        String base = "/" + kind.path + "/";
        routes.add(Route.of("GET", base, this::list));
        routes.add(Route.of("POST", base, this::create));
        routes.add(Route.of("GET", base + "{id}/", r -> {
            ObjectKind.View view = kind.view(r, services);
            return Reply.ok(kind.json(find(r.id(), view), view));
        }));
        routes.add(Route.of("PATCH", base + "{id}/", r -> update(r, false)));
        routes.add(Route.of("PUT", base + "{id}/", r -> update(r, true)));
        routes.add(Route.of("DELETE", base + "{id}/", this::delete));
    }

    /** The object, when it exists and the user sees it; else 404 either way. */
    private T find(long id, ObjectKind.View view) {
        return kind.repository().find(id).filter(view::sees)
                .orElseThrow(() -> ApiException.detail(404, "No " + kind.label + " matches the given query."));
    }

    private Reply list(ApiRequest r) {
        Paging paging = Paging.of(r);
        ObjectKind.View view = kind.view(r, services);
        Stream<T> objects = kind.repository().list().stream().filter(view::sees);
        objects = NameFilters.apply(objects, r, ClassifyingObject::name, ClassifyingObject::id);
        List<T> all = objects.sorted(order(r.param("ordering").orElse("name"))).toList();
        paging.check(all.size());
        List<T> page = all.subList(Math.min(paging.offset(), all.size()), Math.min(paging.offset() + paging.size(), all.size()));
        return Reply.ok(paging.answer(r, baseUrl, all.size(), all.stream().map(ClassifyingObject::id).toList(),
                page.stream().map(o -> kind.json(o, view)).toList()));
    }

    private Comparator<T> order(String ordering) {
        boolean descending = ordering.startsWith("-");
        String field = descending ? ordering.substring(1) : ordering;
        Comparator<T> c = switch (field) {
            case "name" -> Comparator.comparing(o -> o.name().toLowerCase(Locale.ROOT));
            case "id" -> Comparator.comparing(ClassifyingObject::id);
            case "match" -> Comparator.comparing(o -> o.matching().match());
            case "matching_algorithm" -> Comparator.comparing(o -> o.matching().algorithm().code());
            default -> throw ApiException.invalid("ordering", "Cannot order by '" + ordering
                    + "'; use name, id, match or matching_algorithm, with - for descending");
        };
        return descending ? c.reversed() : c;
    }

    /** A new object belongs to its maker unless the body names an owner (or null), as paperless-ngx. */
    private Reply create(ApiRequest r) throws IOException {
        var body = r.json();
        kind.checkFields(body);
        T object = readValid(body, null);
        Permissions.OwnerChange owner = permissions.forNew(body, r.user());
        T created;
        try {
            created = kind.repository().create(object);
        } catch (ConflictException e) {
            throw ApiException.invalid("name", e.getMessage());
        }
        permissions.store(kind.type, created.id(), owner);
        return Reply.created(kind.json(created, kind.view(r, services)));
    }

    /** A change by whoever may change it; {@code owner} and {@code set_permissions} only by its owner. */
    private Reply update(ApiRequest r, boolean whole) throws IOException {
        ObjectKind.View view = kind.view(r, services);
        T existing = find(r.id(), view);
        Access access = view.of(existing.id());
        Permissions.requireChange(r.user(), access);
        var body = r.json();
        kind.checkFields(body);
        if (whole && !body.has("name")) {
            throw ApiException.invalid("name", "This field is required.");
        }
        Permissions.OwnerChange owner = permissions.forChange(body, r.user(), access);
        T changed = readValid(body, existing);
        T stored;
        try {
            stored = kind.repository().update(changed);
        } catch (ConflictException e) {
            throw ApiException.invalid("name", e.getMessage());
        }
        permissions.store(kind.type, stored.id(), owner);
        return Reply.ok(kind.json(stored, kind.view(r, services)));
    }

    /** The object the body describes; the domain's own checks (name length, colour, path) as validation errors. */
    private T readValid(com.fasterxml.jackson.databind.node.ObjectNode body, T existing) {
        try {
            return kind.read(body, existing);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("non_field_errors", e.getMessage());
        }
    }

    /** Only by its owner (or an admin, or anyone while it has no owner), as paperless-ngx. */
    private Reply delete(ApiRequest r) {
        ObjectKind.View view = kind.view(r, services);
        find(r.id(), view);
        if (!view.of(r.id()).governs(r.user())) {
            throw ApiException.detail(403, Permissions.FORBIDDEN);
        }
        kind.repository().delete(r.id());
        services.permissions().forget(kind.type, r.id());
        return Reply.noContent();
    }
}
