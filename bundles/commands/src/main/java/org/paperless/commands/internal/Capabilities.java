package org.paperless.commands.internal;

/**
 * Commands take their services as optional references, so that the console keeps every command while
 * a capability is stopped (Karaf would otherwise hide all of this bundle's commands) and says why a
 * command cannot run.
 */
final class Capabilities {

    private Capabilities() {
    }

    static <T> T storage(T service) {
        if (service == null) {
            throw new IllegalStateException("Storage is not available: the org.paperless.storage bundle is stopped"
                    + " or cannot reach its database. See paperless:status and log:display.");
        }
        return service;
    }
}
