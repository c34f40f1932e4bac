package org.paperless.commands.internal;

import java.util.List;

/** Document ids typed on the console, each checked, so that a typo is named instead of a NumberFormatException. */
final class DocumentIds {

    private DocumentIds() {
    }

    static List<Long> parse(List<String> typed) {
        if (typed == null || typed.isEmpty()) {
            return List.of();
        }
        return typed.stream().map(DocumentIds::parse).distinct().toList();
    }

    private static long parse(String id) {
        if (!id.strip().matches("\\d{1,18}")) {
            throw new IllegalArgumentException("'" + id + "' is not a document id");
        }
        return Long.parseLong(id.strip());
    }
}
