package org.paperless.api;

/** A custom field's value on one document, kept as text in the field type's canonical form. */
public record CustomFieldInstance(Long id, long documentId, long fieldId, String value) {
}
