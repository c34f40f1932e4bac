package org.paperless.rest.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.paperless.api.CustomField;
import org.paperless.api.CustomFieldInstance;
import org.paperless.api.CustomFieldType;
import org.paperless.api.CustomFieldValues;
import org.paperless.api.Document;

/**
 * Document links go both ways, as in paperless-ngx: when a document links to another in a document link field, the
 * other links back in the same field; when the link goes, so does the way back.
 */
final class DocumentLinks {

    private DocumentLinks() {
    }

    /**
     * @param before the document as it was
     * @param values the values it was given (canonical text)
     * @param removed the fields taken off it
     */
    static void reflect(Services services, Map<Long, CustomField> fields, Document before, Map<Long, String> values,
            Set<Long> removed) {
        Set<Long> changed = new LinkedHashSet<>(values.keySet());
        changed.addAll(removed);
        for (long fieldId : changed) {
            CustomField field = fields.get(fieldId);
            if (field == null || field.dataType() != CustomFieldType.DOCUMENTLINK) {
                continue;
            }
            Set<Long> was = new LinkedHashSet<>(links(before, fieldId));
            Set<Long> now = new LinkedHashSet<>(removed.contains(fieldId) ? List.of()
                    : CustomFieldValues.documentIds(values.get(fieldId)));
            for (long target : was) {
                if (!now.contains(target)) {
                    change(services, target, fieldId, before.id(), false);
                }
            }
            for (long target : now) {
                if (!was.contains(target) && target != before.id()) {
                    change(services, target, fieldId, before.id(), true);
                }
            }
        }
    }

    private static List<Long> links(Document d, long fieldId) {
        return d.customFields().stream().filter(v -> v.fieldId() == fieldId).map(CustomFieldInstance::value)
                .findFirst().map(CustomFieldValues::documentIds).orElse(List.of());
    }

    private static void change(Services services, long target, long fieldId, long document, boolean add) {
        Document other = services.documents().find(target).orElse(null);
        if (other == null) {
            return; // in the trash or gone: nothing to mirror
        }
        boolean has = other.customFields().stream().anyMatch(v -> v.fieldId() == fieldId);
        if (!add && !has) {
            return;
        }
        List<Long> ids = new ArrayList<>(links(other, fieldId));
        if (add ? ids.contains(document) : !ids.remove(document)) {
            return;
        }
        if (add) {
            ids.add(document);
        }
        String value = String.join(",", ids.stream().map(String::valueOf).toList());
        services.documents().modifyCustomFields(List.of(target), Map.of(fieldId, value), Set.of(), Set.of());
    }
}
