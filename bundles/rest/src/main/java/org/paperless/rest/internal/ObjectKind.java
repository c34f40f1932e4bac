package org.paperless.rest.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.paperless.api.ClassifyingObject;
import org.paperless.api.Correspondent;
import org.paperless.api.DocumentType;
import org.paperless.api.Matching;
import org.paperless.api.MatchingAlgorithm;
import org.paperless.api.StoragePath;
import org.paperless.api.Tag;
import org.paperless.api.security.Access;
import org.paperless.api.security.ApiUser;
import org.paperless.api.security.ObjectType;
import org.paperless.api.storage.DocumentQuery;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.storage.ObjectRepository;

/**
 * One kind of object documents refer to (tags, correspondents, document types, storage paths): its path, its
 * repository, its JSON both ways, and which documents count as its.
 */
abstract class ObjectKind<T extends ClassifyingObject> {

    static final Set<String> COMMON_READ_ONLY = Set.of("id", "slug", "document_count", "owner", "user_can_change",
            "permissions", "set_permissions", "last_correspondence", "text_color", "children");
    static final Set<String> MATCHING = Set.of("name", "match", "matching_algorithm", "is_insensitive");

    final String path;
    final String label;
    final ObjectType type;
    private final Supplier<ObjectRepository<T>> repository;

    ObjectKind(String path, String label, ObjectType type, Supplier<ObjectRepository<T>> repository) {
        this.path = path;
        this.label = label;
        this.type = type;
        this.repository = repository;
    }

    /** Who asks, and the owners and grants of every object of the kind (few: read at once). */
    record View(ApiUser user, boolean fullPermissions, Map<Long, Access> access, DocumentRepository documents) {
        Access of(long id) {
            return access.getOrDefault(id, Access.PUBLIC);
        }

        boolean sees(ClassifyingObject object) {
            return of(object.id()).sees(user);
        }
    }

    View view(ApiRequest r, Services services) {
        return new View(r.user(), r.flag("full_perms").orElse(false), services.permissions().accessAll(type),
                services.documents());
    }

    ObjectRepository<T> repository() {
        return repository.get();
    }

    /** The criterion that selects this object's documents, for document_count. */
    abstract DocumentQuery.Criterion documents(long id);

    /** The fields of this kind beyond the common ones. */
    abstract void write(T object, Map<String, Object> json);

    abstract Set<String> ownFields();

    /** A new object from a POST body, or a changed one from a PATCH/PUT over {@code existing}. */
    abstract T read(ObjectNode body, T existing);

    /** The object's JSON with how many live documents the user sees refer to it, counted by the database. */
    Map<String, Object> json(T object, View view) {
        List<DocumentQuery.Criterion> criteria = new java.util.ArrayList<>(Visibility.criteria(view.user()));
        criteria.add(documents(object.id()));
        Map<String, Object> json = json(object, view.documents().query(new DocumentQuery(criteria, List.of(), 0, 0, false))
                .count());
        Access access = view.of(object.id());
        json.put("owner", Users.id(access.owner()));
        if (view.fullPermissions()) {
            json.put("permissions", Permissions.json(access));
        } else {
            json.put("user_can_change", access.changes(view.user()));
        }
        after(object, json, view);
        return json;
    }

    private Map<String, Object> json(T object, long documentCount) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", object.id());
        json.put("slug", slug(object.name()));
        json.put("name", object.name());
        Matching m = object.matching();
        json.put("match", m.match());
        json.put("matching_algorithm", m.algorithm().code());
        json.put("is_insensitive", m.insensitive());
        write(object, json);
        json.put("document_count", documentCount);
        return json;
    }

    /** The fields this kind writes after the common ones, which may need the documents and who asks. */
    void after(T object, Map<String, Object> json, View view) {
    }

    void checkFields(ObjectNode body) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!MATCHING.contains(name) && !COMMON_READ_ONLY.contains(name) && !ownFields().contains(name)) {
                throw ApiException.invalid(name, "Unknown field.");
            }
        }
    }

    static String name(ObjectNode body, ClassifyingObject existing) {
        if (!body.has("name")) {
            if (existing == null) {
                throw ApiException.invalid("name", "This field is required.");
            }
            return existing.name();
        }
        String name = string(body, "name");
        if (name.isBlank()) {
            throw ApiException.invalid("name", "This field may not be blank.");
        }
        return name;
    }

    static Matching matching(ObjectNode body, ClassifyingObject existing) {
        Matching m = existing == null ? Matching.DEFAULT : existing.matching();
        String match = body.has("match") ? string(body, "match") : m.match();
        MatchingAlgorithm algorithm = m.algorithm();
        if (body.has("matching_algorithm")) {
            JsonNode a = body.get("matching_algorithm");
            if (!a.canConvertToInt()) {
                throw ApiException.invalid("matching_algorithm", "A valid integer is required.");
            }
            try {
                algorithm = MatchingAlgorithm.fromCode(a.asInt());
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("matching_algorithm", "\"" + a.asText() + "\" is not a valid choice.");
            }
        }
        boolean insensitive = body.has("is_insensitive") ? bool(body, "is_insensitive") : m.insensitive();
        return new Matching(match, algorithm, insensitive);
    }

    static String string(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual()) {
            throw ApiException.invalid(field, "Not a valid string.");
        }
        return v.asText();
    }

    static boolean bool(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (!v.isBoolean()) {
            throw ApiException.invalid(field, "Must be a valid boolean.");
        }
        return v.asBoolean();
    }

    /** Django's slugify: lower case, letters, digits, hyphens. */
    static String slug(String name) {
        String s = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD).replaceAll("[^\\x00-\\x7f]", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^\\w\\s-]", "").strip();
        return s.replaceAll("[-\\s]+", "-");
    }

    static ObjectKind<Tag> tags(Services s) {
        return new ObjectKind<>("tags", "Tag", ObjectType.TAG, s::tags) {
            @Override
            DocumentQuery.Criterion documents(long id) {
                return new DocumentQuery.TagsAll(Set.of(id));
            }

            @Override
            void write(Tag t, Map<String, Object> json) {
                json.put("color", t.color());
                json.put("text_color", textColor(t.color()));
                json.put("is_inbox_tag", t.inbox());
                json.put("parent", t.parentId());
            }

            @Override
            void after(Tag t, Map<String, Object> json, View view) {
                // Whole tags the user sees, nested as deep as the tree goes (at most Tag.MAX_DEPTH levels).
                json.put("children", s.tags().list().stream().filter(c -> t.id().equals(c.parentId()) && view.sees(c))
                        .map(c -> json(c, view)).toList());
            }

            @Override
            Set<String> ownFields() {
                return Set.of("color", "is_inbox_tag", "parent");
            }

            @Override
            Tag read(ObjectNode body, Tag existing) {
                String color = body.has("color") ? string(body, "color") : existing == null ? null : existing.color();
                boolean inbox = body.has("is_inbox_tag") ? bool(body, "is_inbox_tag") : existing != null && existing.inbox();
                Long parent = body.has("parent") ? DocumentChange.reference(body, "parent", s.tags())
                        : existing == null ? null : existing.parentId();
                return new Tag(existing == null ? null : existing.id(), name(body, existing), matching(body, existing),
                        color, inbox, parent);
            }
        };
    }

    /** Black on light colours, white on dark ones, as paperless-ngx picks the text colour of a tag. */
    static String textColor(String color) {
        int r = Integer.parseInt(color.substring(1, 3), 16);
        int g = Integer.parseInt(color.substring(3, 5), 16);
        int b = Integer.parseInt(color.substring(5, 7), 16);
        double luminance = Math.sqrt(0.299 * r * r + 0.587 * g * g + 0.114 * b * b) / 255;
        return luminance > 0.53 ? "#000000" : "#ffffff";
    }

    /** What creates an object of a kind that has no fields beyond the common ones. */
    @FunctionalInterface
    interface Maker<T> {
        T make(Long id, String name, Matching matching);
    }

    /** A kind with the common fields only, its documents those that refer to it. */
    /** What a kind adds to its JSON once the common fields are there. */
    @FunctionalInterface
    interface After<T> {
        void add(T object, Map<String, Object> json, View view);
    }

    static <T extends ClassifyingObject> ObjectKind<T> plain(String path, String label, ObjectType type,
            Supplier<ObjectRepository<T>> repository, DocumentQuery.Reference reference, Maker<T> maker) {
        return plain(path, label, type, repository, reference, maker, (object, json, view) -> { });
    }

    static <T extends ClassifyingObject> ObjectKind<T> plain(String path, String label, ObjectType type,
            Supplier<ObjectRepository<T>> repository, DocumentQuery.Reference reference, Maker<T> maker, After<T> after) {
        return new ObjectKind<>(path, label, type, repository) {
            @Override
            void after(T object, Map<String, Object> json, View view) {
                after.add(object, json, view);
            }

            @Override
            DocumentQuery.Criterion documents(long id) {
                return new DocumentQuery.ReferenceIn(reference, Set.of(id));
            }

            @Override
            void write(T object, Map<String, Object> json) {
            }

            @Override
            Set<String> ownFields() {
                return Set.of();
            }

            @Override
            T read(ObjectNode body, T existing) {
                return maker.make(existing == null ? null : existing.id(), name(body, existing), matching(body, existing));
            }
        };
    }

    /** With paperless-ngx's {@code last_correspondence}: the newest date of its documents the user sees. */
    static ObjectKind<Correspondent> correspondents(Services s) {
        return plain("correspondents", "Correspondent", ObjectType.CORRESPONDENT, s::correspondents,
                DocumentQuery.Reference.CORRESPONDENT, Correspondent::new, (c, json, view) -> {
                    List<DocumentQuery.Criterion> criteria = new java.util.ArrayList<>(Visibility.criteria(view.user()));
                    criteria.add(new DocumentQuery.ReferenceIn(DocumentQuery.Reference.CORRESPONDENT, Set.of(c.id())));
                    List<org.paperless.api.Document> newest = view.documents().query(new DocumentQuery(criteria,
                            List.of(new DocumentQuery.Order(DocumentQuery.OrderField.CREATED, true)), 0, 1, false)).documents();
                    Map<String, Object> ordered = new LinkedHashMap<>();
                    json.forEach((key, value) -> {
                        ordered.put(key, value);
                        if (key.equals("document_count")) {
                            ordered.put("last_correspondence", newest.isEmpty() ? null : JsonDates.day(newest.get(0).created()));
                        }
                    });
                    json.clear();
                    json.putAll(ordered);
                });
    }

    static ObjectKind<DocumentType> documentTypes(Services s) {
        return plain("document_types", "DocumentType", ObjectType.DOCUMENT_TYPE, s::documentTypes, DocumentQuery.Reference.DOCUMENT_TYPE,
                DocumentType::new);
    }

    static ObjectKind<StoragePath> storagePaths(Services s) {
        return new ObjectKind<>("storage_paths", "StoragePath", ObjectType.STORAGE_PATH, s::storagePaths) {
            @Override
            DocumentQuery.Criterion documents(long id) {
                return new DocumentQuery.ReferenceIn(DocumentQuery.Reference.STORAGE_PATH, Set.of(id));
            }

            @Override
            void write(StoragePath p, Map<String, Object> json) {
                json.put("path", p.path());
            }

            @Override
            Set<String> ownFields() {
                return Set.of("path");
            }

            @Override
            StoragePath read(ObjectNode body, StoragePath existing) {
                String path = body.has("path") ? string(body, "path") : existing == null ? null : existing.path();
                if (path == null) {
                    throw ApiException.invalid("path", "This field is required.");
                }
                return new StoragePath(existing == null ? null : existing.id(), name(body, existing),
                        path, matching(body, existing));
            }
        };
    }
}
