package org.paperless.api;

/** A user-defined field that documents can carry a value for. */
public record CustomField(Long id, String name, CustomFieldType dataType) {
}
