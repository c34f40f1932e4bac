package org.paperless.backup.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.paperless.api.CustomFieldType;

/** Where paperless-ngx keeps a custom field's value: one column per data type. */
final class CustomFieldValues {

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private CustomFieldValues() {
    }

    static String column(CustomFieldType type) {
        return switch (type) {
            case STRING -> "value_text";
            case LONGTEXT -> "value_long_text";
            case URL -> "value_url";
            case DATE -> "value_date";
            case BOOLEAN -> "value_bool";
            case INTEGER -> "value_int";
            case FLOAT -> "value_float";
            case MONETARY -> "value_monetary";
            case DOCUMENTLINK -> "value_document_ids";
            case SELECT -> "value_select";
        };
    }

    /** The document ids of a document link value, whatever separates them. */
    static List<Long> documentIds(String value) {
        List<Long> ids = new ArrayList<>();
        Matcher m = NUMBER.matcher(value);
        while (m.find()) {
            ids.add(Long.parseLong(m.group()));
        }
        return ids;
    }
}
