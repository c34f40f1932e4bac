package org.paperless.rest.internal;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.paperless.api.ClassifyingObject;
import org.paperless.api.ConflictException;

/** CRUD of one kind of object under {@code /api/<kind>/}, with paperless-ngx's list filters and document counts. */
final class ObjectsResource<T extends ClassifyingObject> {

    private final ObjectKind<T> kind;
    private final Services services;
    private final String baseUrl;

    ObjectsResource(ObjectKind<T> kind, Services services, String baseUrl) {
        this.kind = kind;
        this.services = services;
        this.baseUrl = baseUrl;
    }

    void routes(List<Route> routes) {
        String base = "/" + kind.path + "/";
        routes.add(Route.of("GET", base, this::list));
        routes.add(Route.of("POST", base, this::create));
        routes.add(Route.of("GET", base + "{id}/", r -> Reply.ok(json(find(r.id()), r))));
        routes.add(Route.of("PATCH", base + "{id}/", r -> update(r, false)));
        routes.add(Route.of("PUT", base + "{id}/", r -> update(r, true)));
        routes.add(Route.of("DELETE", base + "{id}/", this::delete));
    }

    private T find(long id) {
        return kind.repository().find(id)
                .orElseThrow(() -> ApiException.detail(404, "No " + kind.label + " matches the given query."));
    }

    private Map<String, Object> json(T object, ApiRequest r) {
        return kind.json(object, services.documents(), r.user());
    }

    private Reply list(ApiRequest r) {
        Paging paging = Paging.of(r);
        Stream<T> objects = kind.repository().list().stream();
        String contains = r.param("name__icontains").map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
        if (contains != null) {
            objects = objects.filter(o -> o.name().toLowerCase(Locale.ROOT).contains(contains));
        }
        String exact = r.param("name__iexact").orElse(null);
        if (exact != null) {
            objects = objects.filter(o -> o.name().equalsIgnoreCase(exact));
        }
        String starts = r.param("name__istartswith").map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
        if (starts != null) {
            objects = objects.filter(o -> o.name().toLowerCase(Locale.ROOT).startsWith(starts));
        }
        Set<Long> ids = r.numbers("id__in").orElse(null);
        if (ids != null) {
            objects = objects.filter(o -> ids.contains(o.id()));
        }
        List<T> all = objects.sorted(order(r.param("ordering").orElse("name"))).toList();
        paging.check(all.size());
        List<T> page = all.subList(Math.min(paging.offset(), all.size()), Math.min(paging.offset() + paging.size(), all.size()));
        return Reply.ok(paging.answer(r, baseUrl, all.size(), all.stream().map(ClassifyingObject::id).toList(),
                page.stream().map(o -> json(o, r)).toList()));
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

    private Reply create(ApiRequest r) throws IOException {
        var body = r.json();
        kind.checkFields(body);
        T object = readValid(body, null);
        try {
            return Reply.created(json(kind.repository().create(object), r));
        } catch (ConflictException e) {
            throw ApiException.invalid("name", e.getMessage());
        }
    }

    private Reply update(ApiRequest r, boolean whole) throws IOException {
        T existing = find(r.id());
        var body = r.json();
        kind.checkFields(body);
        if (whole && !body.has("name")) {
            throw ApiException.invalid("name", "This field is required.");
        }
        T changed = readValid(body, existing);
        try {
            return Reply.ok(json(kind.repository().update(changed), r));
        } catch (ConflictException e) {
            throw ApiException.invalid("name", e.getMessage());
        }
    }

    /** The object the body describes; the domain's own checks (name length, colour, path) as validation errors. */
    private T readValid(com.fasterxml.jackson.databind.node.ObjectNode body, T existing) {
        try {
            return kind.read(body, existing);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("non_field_errors", e.getMessage());
        }
    }

    private Reply delete(ApiRequest r) {
        find(r.id());
        kind.repository().delete(r.id());
        return Reply.noContent();
    }
}
