package org.paperless.storage.internal.jpa;

/** The persistence unit's name, as in META-INF/persistence.xml and Aries' EMF service property. */
public final class PersistenceUnit {

    public static final String NAME = "paperless";
    public static final String TARGET = "(osgi.unit.name=" + NAME + ")";

    private PersistenceUnit() {
    }
}
