package org.paperless.api.storage;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.paperless.api.Document;

/**
 * Which live documents to list, in which order, and which page of them: every criterion must hold. The
 * database answers it (filters, order, count), so a page costs the same among ten or a hundred thousand.
 *
 * @param criteria all must hold; none lists every document
 * @param ordering the sort keys, the first first; the id breaks ties (and is the order when empty)
 * @param offset how many matching documents to skip
 * @param limit the most to return
 * @param withAllIds also return the ids of every matching document, in order (paperless-ngx's "all")
 */
public record DocumentQuery(List<Criterion> criteria, List<Order> ordering, int offset, int limit,
        boolean withAllIds) {

    /** The longest list of ids or texts one criterion may carry: bounds the statement sent to the database. */
    public static final int MAX_VALUES = 1000;

    public DocumentQuery {
        criteria = List.copyOf(criteria);
        ordering = List.copyOf(ordering);
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit cannot be negative");
        }
    }

    /** A document's field that can be compared with a text. */
    public enum TextField { TITLE, CONTENT, TITLE_OR_CONTENT, ORIGINAL_FILENAME }

    /** A document's reference to another object. */
    public enum Reference { CORRESPONDENT, DOCUMENT_TYPE, STORAGE_PATH }

    /** A document's date: created is a day; added and modified are compared by their UTC day. */
    public enum DateField { CREATED, ADDED, MODIFIED }

    /** What a list can be sorted by. */
    public enum OrderField {
        ID, TITLE, CREATED, ADDED, MODIFIED, ARCHIVE_SERIAL_NUMBER, PAGE_COUNT, MIME_TYPE, ORIGINAL_FILENAME,
        CORRESPONDENT_NAME, DOCUMENT_TYPE_NAME, STORAGE_PATH_NAME
    }

    /** One sort key. */
    public record Order(OrderField field, boolean descending) {
        public Order {
            Objects.requireNonNull(field, "field");
        }
    }

    /** One condition a document must meet. */
    public sealed interface Criterion {
    }

    /** The document's id is one of these. */
    public record IdIn(Set<Long> ids) implements Criterion {
        public IdIn {
            ids = bounded(ids);
        }
    }

    /** The field contains the text, ignoring case. */
    public record Contains(TextField field, String text) implements Criterion {
        public Contains {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(text, "text");
        }
    }

    /** The field equals the text, ignoring case. */
    public record EqualsIgnoreCase(TextField field, String text) implements Criterion {
        public EqualsIgnoreCase {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(text, "text");
        }
    }

    /** The reference points to one of these objects. */
    public record ReferenceIn(Reference reference, Set<Long> ids) implements Criterion {
        public ReferenceIn {
            Objects.requireNonNull(reference, "reference");
            ids = bounded(ids);
        }
    }

    /** The reference is unset or points to none of these objects. */
    public record ReferenceNotIn(Reference reference, Set<Long> ids) implements Criterion {
        public ReferenceNotIn {
            Objects.requireNonNull(reference, "reference");
            ids = bounded(ids);
        }
    }

    /** The reference is set (false) or not (true). */
    public record ReferenceIsNull(Reference reference, boolean isNull) implements Criterion {
        public ReferenceIsNull {
            Objects.requireNonNull(reference, "reference");
        }
    }

    /** The document carries every one of these tags. */
    public record TagsAll(Set<Long> ids) implements Criterion {
        public TagsAll {
            ids = bounded(ids);
        }
    }

    /** The document carries at least one of these tags. */
    public record TagsAny(Set<Long> ids) implements Criterion {
        public TagsAny {
            ids = bounded(ids);
        }
    }

    /** The document carries none of these tags. */
    public record TagsNone(Set<Long> ids) implements Criterion {
        public TagsNone {
            ids = bounded(ids);
        }
    }

    /** The document has some tag (true) or none (false). */
    public record Tagged(boolean tagged) implements Criterion {
    }

    /** The document carries every one of these custom fields (with a value or without). */
    public record CustomFieldsAll(Set<Long> ids) implements Criterion {
        public CustomFieldsAll {
            ids = bounded(ids);
        }
    }

    /** The document carries at least one of these custom fields. */
    public record CustomFieldsAny(Set<Long> ids) implements Criterion {
        public CustomFieldsAny {
            ids = bounded(ids);
        }
    }

    /** The document carries none of these custom fields. */
    public record CustomFieldsNone(Set<Long> ids) implements Criterion {
        public CustomFieldsNone {
            ids = bounded(ids);
        }
    }

    /** The document carries some custom field (true) or none (false). */
    public record HasCustomFields(boolean has) implements Criterion {
    }

    /** The document's custom field values meet the condition (paperless-ngx's custom_field_query). */
    public record CustomFieldQuery(FieldCondition condition) implements Criterion {
        public CustomFieldQuery {
            Objects.requireNonNull(condition, "condition");
        }
    }

    /** The date is after {@code after} and before {@code before} (each exclusive, each optional). */
    public record DateRange(DateField field, LocalDate after, LocalDate before) implements Criterion {
        public DateRange {
            Objects.requireNonNull(field, "field");
        }
    }

    /**
     * The user may see the document: it has no owner, this user owns it, or it is shared with the user or one of
     * {@code groups} (to view or to change).
     */
    public record VisibleTo(String user, Set<String> groups) implements Criterion {
        public VisibleTo {
            Objects.requireNonNull(user, "user");
            groups = groups == null ? Set.of() : Set.copyOf(groups);
        }

        public VisibleTo(String user) {
            this(user, Set.of());
        }
    }

    /** The document's owner is one of these users (by name); with {@code negate}, it is none of them or nobody. */
    public record OwnerIn(Set<String> users, boolean negate) implements Criterion {
        public OwnerIn {
            users = Set.copyOf(users);
            if (users.size() > MAX_VALUES) {
                throw new IllegalArgumentException("at most " + MAX_VALUES + " owners in one filter, not " + users.size());
            }
        }
    }

    /** The document has no owner (true) or has one (false). */
    public record OwnerIsNull(boolean isNull) implements Criterion {
    }

    /** The archive serial number equals this one. */
    public record SerialNumber(long asn) implements Criterion {
    }

    /** The archive serial number is unset (true) or set (false). */
    public record SerialNumberIsNull(boolean isNull) implements Criterion {
    }

    /** The archive serial number is above {@code above} and below {@code below} (each exclusive, each optional). */
    public record SerialNumberRange(Long above, Long below) implements Criterion {
    }

    private static Set<Long> bounded(Set<Long> ids) {
        Set<Long> copy = Set.copyOf(ids);
        if (copy.size() > MAX_VALUES) {
            throw new IllegalArgumentException("at most " + MAX_VALUES + " ids in one filter, not " + copy.size());
        }
        return copy;
    }

    /**
     * One page of the result.
     *
     * @param documents the page, in the query's order
     * @param count how many documents match in all
     * @param allIds every match's id in order when the query asked for them, else empty: an unmodifiable list,
     *        kept as given (not copied: it may hold a hundred thousand ids, and one kept list may answer many
     *        requests)
     */
    public record Page(List<Document> documents, long count, List<Long> allIds) {
        public Page {
            documents = List.copyOf(documents);
            allIds = allIds == null ? List.of() : allIds;
        }
    }
}
