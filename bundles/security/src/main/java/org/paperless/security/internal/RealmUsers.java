package org.paperless.security.internal;

import java.util.List;
import java.util.Map;

import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.apache.karaf.jaas.modules.properties.PropertiesLoginModule;

/**
 * Karaf's properties backing engine over the data folder's users file. An engine holds the file as it was when
 * built, and the jaas:* commands change the file too, so each use builds one afresh.
 */
final class RealmUsers {

    private final BackingEngineFactory factory;
    private final Map<String, ?> options;

    RealmUsers(BackingEngineFactory factory, Map<String, ?> options) {
        this.factory = factory;
        this.options = options;
    }

    /** @throws IllegalStateException when Karaf's properties backing engine is missing */
    static RealmUsers of(List<BackingEngineFactory> factories, DataFolderRealm realm) {
        return factories.stream().filter(f -> PropertiesLoginModule.class.getName().equals(f.getModuleClass()))
                .findFirst().map(f -> new RealmUsers(f, realm.passwordEntry().getOptions()))
                .orElseThrow(() -> new IllegalStateException("Karaf's properties backing engine is missing"));
    }

    /** The users file as it is now. */
    BackingEngine engine() {
        return factory.build(options);
    }
}
