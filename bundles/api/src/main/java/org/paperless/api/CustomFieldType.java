package org.paperless.api;

import java.util.Locale;

/** The data types of custom fields, named as in paperless-ngx. */
public enum CustomFieldType {
    STRING, LONGTEXT, URL, DATE, BOOLEAN, INTEGER, FLOAT, MONETARY, DOCUMENTLINK, SELECT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CustomFieldType parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown custom field type '" + text + "'");
        }
    }
}
