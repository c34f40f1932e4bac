package org.paperless.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.paperless.api.Tag;
import org.paperless.api.storage.DocumentQuery;
import org.paperless.api.storage.DocumentQuery.Contains;
import org.paperless.api.storage.DocumentQuery.Criterion;
import org.paperless.api.storage.DocumentQuery.DateField;
import org.paperless.api.storage.DocumentQuery.DateRange;
import org.paperless.api.storage.DocumentQuery.EqualsIgnoreCase;
import org.paperless.api.storage.DocumentQuery.IdIn;
import org.paperless.api.storage.DocumentQuery.Order;
import org.paperless.api.storage.DocumentQuery.OrderField;
import org.paperless.api.storage.DocumentQuery.Reference;
import org.paperless.api.storage.DocumentQuery.ReferenceIn;
import org.paperless.api.storage.DocumentQuery.ReferenceIsNull;
import org.paperless.api.storage.DocumentQuery.SerialNumber;
import org.paperless.api.storage.DocumentQuery.SerialNumberIsNull;
import org.paperless.api.storage.DocumentQuery.SerialNumberRange;
import org.paperless.api.storage.DocumentQuery.Tagged;
import org.paperless.api.storage.DocumentQuery.TagsAll;
import org.paperless.api.storage.DocumentQuery.TagsAny;
import org.paperless.api.storage.DocumentQuery.TagsNone;
import org.paperless.api.storage.DocumentQuery.TextField;
import org.paperless.api.storage.TagRepository;

/** paperless-ngx's document list filters and orderings, read from the query string into a {@link DocumentQuery}. */
final class DocumentFilters {

    /** What {@code ordering=} accepts ({@code -} first for descending). */
    static final Map<String, OrderField> ORDERINGS = Map.ofEntries(
            Map.entry("id", OrderField.ID), Map.entry("title", OrderField.TITLE),
            Map.entry("created", OrderField.CREATED), Map.entry("added", OrderField.ADDED),
            Map.entry("modified", OrderField.MODIFIED),
            Map.entry("archive_serial_number", OrderField.ARCHIVE_SERIAL_NUMBER),
            Map.entry("page_count", OrderField.PAGE_COUNT), Map.entry("mime_type", OrderField.MIME_TYPE),
            Map.entry("original_file_name", OrderField.ORIGINAL_FILENAME),
            Map.entry("correspondent__name", OrderField.CORRESPONDENT_NAME),
            Map.entry("document_type__name", OrderField.DOCUMENT_TYPE_NAME),
            Map.entry("storage_path__name", OrderField.STORAGE_PATH_NAME));

    /** Every filter the document list reads, for the schema. */
    static final List<String> NAMES = List.of("id", "id__in", "title__icontains", "title__iexact",
            "content__icontains", "content__iexact", "original_filename__icontains", "original_filename__iexact",
            "title_content", "correspondent__id", "correspondent__id__in", "correspondent__id__none",
            "correspondent__isnull", "document_type__id", "document_type__id__in", "document_type__id__none",
            "document_type__isnull", "storage_path__id", "storage_path__id__in", "storage_path__id__none",
            "storage_path__isnull", "tags__id", "tags__id__all", "tags__id__in", "tags__id__none", "is_tagged",
            "custom_fields__id__all", "custom_fields__id__in", "custom_fields__id__none", "has_custom_fields",
            CustomFieldQueries.PARAM,
            "is_in_inbox", "created__date__gt", "created__date__lt", "created__date__gte", "created__date__lte",
            "created__gt", "created__lt", "created__gte", "created__lte", "added__date__gt", "added__date__lt",
            "added__gt", "added__lt", "modified__date__gt", "modified__date__lt", "archive_serial_number",
            "archive_serial_number__gt", "archive_serial_number__lt", "archive_serial_number__isnull", "owner__id",
            "owner__id__in", "owner__id__none", "owner__isnull", "ordering",
            "page", "page_size", "fields", "truncate_content", "query", "more_like_id");

    private DocumentFilters() {
    }

    static List<Criterion> criteria(ApiRequest r, Services services) {
        TagRepository tags = services.tags();
        List<Criterion> c = new ArrayList<>(Visibility.criteria(r.user()));
        owners(r, c, services);
        r.number("id").ifPresent(id -> c.add(new IdIn(Set.of(id))));
        r.numbers("id__in").ifPresent(ids -> c.add(new IdIn(ids)));
        text(r, c, "title", TextField.TITLE);
        text(r, c, "content", TextField.CONTENT);
        text(r, c, "original_filename", TextField.ORIGINAL_FILENAME);
        r.param("title_content").ifPresent(t -> c.add(new Contains(TextField.TITLE_OR_CONTENT, t)));
        reference(r, c, "correspondent", Reference.CORRESPONDENT);
        reference(r, c, "document_type", Reference.DOCUMENT_TYPE);
        reference(r, c, "storage_path", Reference.STORAGE_PATH);
        r.number("tags__id").ifPresent(id -> c.add(new TagsAll(Set.of(id))));
        r.numbers("tags__id__all").ifPresent(ids -> c.add(new TagsAll(ids)));
        r.numbers("tags__id__in").ifPresent(ids -> c.add(new TagsAny(ids)));
        r.numbers("tags__id__none").ifPresent(ids -> c.add(new TagsNone(ids)));
        r.flag("is_tagged").ifPresent(t -> c.add(new Tagged(t)));
        r.numbers("custom_fields__id__all").ifPresent(ids -> c.add(new DocumentQuery.CustomFieldsAll(ids)));
        r.numbers("custom_fields__id__in").ifPresent(ids -> c.add(new DocumentQuery.CustomFieldsAny(ids)));
        r.numbers("custom_fields__id__none").ifPresent(ids -> c.add(new DocumentQuery.CustomFieldsNone(ids)));
        r.flag("has_custom_fields").ifPresent(has -> c.add(new DocumentQuery.HasCustomFields(has)));
        r.param(CustomFieldQueries.PARAM).filter(q -> !q.isBlank()).ifPresent(q -> c.add(new DocumentQuery.CustomFieldQuery(
                CustomFieldQueries.parse(q, Services.need(services.customFields, "storage", "paperless-storage").list()))));
        r.flag("is_in_inbox").ifPresent(inbox -> {
            Set<Long> inboxTags = new java.util.HashSet<>();
            for (Tag t : tags.list()) {
                if (t.inbox()) {
                    inboxTags.add(t.id());
                }
            }
            c.add(inbox ? new TagsAny(inboxTags) : new TagsNone(inboxTags));
        });
        dates(r, c, "created", DateField.CREATED);
        dates(r, c, "added", DateField.ADDED);
        dates(r, c, "modified", DateField.MODIFIED);
        r.number("archive_serial_number").ifPresent(asn -> c.add(new SerialNumber(asn)));
        r.flag("archive_serial_number__isnull").ifPresent(n -> c.add(new SerialNumberIsNull(n)));
        Long above = r.number("archive_serial_number__gt").orElse(null);
        Long below = r.number("archive_serial_number__lt").orElse(null);
        if (above != null || below != null) {
            c.add(new SerialNumberRange(above, below));
        }
        return c;
    }

    /** {@code owner__id}, {@code owner__id__in}, {@code owner__id__none} (users by number), {@code owner__isnull}. */
    private static void owners(ApiRequest r, List<Criterion> c, Services services) {
        r.flag("owner__isnull").ifPresent(n -> c.add(new DocumentQuery.OwnerIsNull(n)));
        Set<Long> in = r.number("owner__id").map(Set::of).or(() -> r.numbers("owner__id__in")).orElse(null);
        Set<Long> none = r.numbers("owner__id__none").orElse(null);
        if (in == null && none == null) {
            return;
        }
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        services.directory().users().forEach(a -> names.put(Users.id(a.name()), a.name()));
        if (in != null) {
            c.add(new DocumentQuery.OwnerIn(named(in, names), false));
        }
        if (none != null) {
            c.add(new DocumentQuery.OwnerIn(named(none, names), true));
        }
    }

    /** The names of the users with these numbers; numbers of nobody name nobody. */
    private static Set<String> named(Set<Long> ids, java.util.Map<Long, String> names) {
        Set<String> found = new java.util.HashSet<>();
        ids.forEach(id -> {
            if (names.containsKey(id)) {
                found.add(names.get(id));
            }
        });
        return found;
    }

    private static void text(ApiRequest r, List<Criterion> c, String name, TextField field) {
        r.param(name + "__icontains").ifPresent(t -> c.add(new Contains(field, t)));
        r.param(name + "__iexact").ifPresent(t -> c.add(new EqualsIgnoreCase(field, t)));
    }

    private static void reference(ApiRequest r, List<Criterion> c, String name, Reference reference) {
        r.number(name + "__id").ifPresent(id -> c.add(new ReferenceIn(reference, Set.of(id))));
        r.numbers(name + "__id__in").ifPresent(ids -> c.add(new ReferenceIn(reference, ids)));
        r.flag(name + "__isnull").ifPresent(n -> c.add(new ReferenceIsNull(reference, n)));
        r.numbers(name + "__id__none").ifPresent(ids -> c.add(new DocumentQuery.ReferenceNotIn(reference, ids)));
    }

    /** {@code created__date__gt}, {@code created__gt} (the day of a date-time), {@code __lt}; exclusive as Django's. */
    private static void dates(ApiRequest r, List<Criterion> c, String name, DateField field) {
        var after = r.date(name + "__date__gt").or(() -> r.date(name + "__gt"));
        var before = r.date(name + "__date__lt").or(() -> r.date(name + "__lt"));
        var from = r.date(name + "__date__gte").or(() -> r.date(name + "__gte"));
        var to = r.date(name + "__date__lte").or(() -> r.date(name + "__lte"));
        if (after.isPresent() || before.isPresent()) {
            c.add(new DateRange(field, after.orElse(null), before.orElse(null)));
        }
        if (from.isPresent() || to.isPresent()) {
            c.add(new DateRange(field, from.map(d -> d.minusDays(1)).orElse(null), to.map(d -> d.plusDays(1)).orElse(null)));
        }
    }

    /** {@code ordering=-created,title}; unknown fields are refused rather than ignored; the newest first by default. */
    static List<Order> ordering(ApiRequest r) {
        List<Order> orders = new ArrayList<>();
        if (r.param("ordering").isEmpty()) {
            return List.of(new Order(OrderField.CREATED, true));
        }
        for (String part : r.param("ordering").orElse("").split(",")) {
            String name = part.trim();
            if (name.isEmpty()) {
                continue;
            }
            boolean descending = name.startsWith("-");
            OrderField field = ORDERINGS.get(descending ? name.substring(1) : name);
            if (field == null) {
                throw ApiException.invalid("ordering", "Cannot order by '" + name + "'; use one of "
                        + new java.util.TreeSet<>(ORDERINGS.keySet()));
            }
            orders.add(new Order(field, descending));
        }
        return orders;
    }

    static DocumentQuery query(ApiRequest r, Services services, int offset, int limit) {
        return new DocumentQuery(criteria(r, services), ordering(r), offset, limit, Paging.withAll(r));
    }
}
