package org.paperless.backup.internal;

import java.util.HashMap;
import java.util.Map;

import org.paperless.api.CustomFieldType;

/** From the export's pks to this instance's ids, per kind. */
record IdMaps(Map<Long, Long> correspondents, Map<Long, Long> types, Map<Long, Long> paths, Map<Long, Long> tags,
        Map<Long, Long> fields, Map<Long, CustomFieldType> fieldTypes, Map<Long, Long> savedViews) {

    IdMaps() {
        this(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(),
                new HashMap<>());
    }
}
