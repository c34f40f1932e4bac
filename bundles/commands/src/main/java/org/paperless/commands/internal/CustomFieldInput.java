package org.paperless.commands.internal;

import java.util.List;

import org.paperless.api.CustomField;
import org.paperless.api.CustomFieldValues;
import org.paperless.api.NotFoundException;

/**
 * One {@code --custom-field NAME=VALUE} of the console: the field found by name or id, the value checked
 * against the field's type and written in the canonical form the export and the index read.
 */
record CustomFieldInput(CustomField field, String value) {

    static CustomFieldInput parse(String assignment, List<CustomField> fields) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--custom-field takes NAME=VALUE, got '" + assignment + "'");
        }
        String name = assignment.substring(0, eq).strip();
        CustomField field = fields.stream().filter(f -> String.valueOf(f.id()).equals(name)).findFirst()
                .or(() -> fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst())
                .orElseThrow(() -> new NotFoundException("No custom field named or numbered '" + name
                        + "' (paperless:document-list --custom-field shows those in use)"));
        return new CustomFieldInput(field, CustomFieldValues.canonical(field, assignment.substring(eq + 1).strip()));
    }
}
