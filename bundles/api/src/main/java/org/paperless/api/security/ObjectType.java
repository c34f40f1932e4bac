package org.paperless.api.security;

/** What an owner or a grant is about; the key is what the database and exports store. */
public enum ObjectType {
    DOCUMENT("document"),
    TAG("tag"),
    CORRESPONDENT("correspondent"),
    DOCUMENT_TYPE("document_type"),
    STORAGE_PATH("storage_path"),
    SAVED_VIEW("saved_view");

    private final String key;

    ObjectType(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The type stored under this key. */
    public static ObjectType ofKey(String key) {
        for (ObjectType type : values()) {
            if (type.key.equals(key)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown object type '" + key + "'");
    }
}
