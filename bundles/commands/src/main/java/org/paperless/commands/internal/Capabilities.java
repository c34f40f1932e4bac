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
        return require(service, "Storage is not available: the org.paperless.storage bundle is stopped"
                + " or cannot reach its database.");
    }

    static <T> T consumer(T service) {
        return require(service, "Consumption is not available: the org.paperless.consumer bundle is stopped"
                + " or waits for storage.");
    }

    static <T> T index(T service) {
        return require(service, "Search is not available: the org.paperless.index.lucene bundle is stopped"
                + " (consumption goes on without it; once started again, the index catches up by itself).");
    }

    static <T> T matching(T service) {
        return require(service, "Matching is not available: the org.paperless.matching bundle is stopped.");
    }

    static <T> T backup(T service) {
        return require(service, "Export and import are not available: the org.paperless.backup bundle is stopped"
                + " or waits for storage.");
    }

    static <T> T maintenance(T service) {
        return require(service, "Maintenance is not available: the org.paperless.maintenance bundle is stopped"
                + " or waits for storage.");
    }

    static <T> T mail(T service) {
        return require(service, "Mail fetching is not available: the org.paperless.mail bundle is stopped"
                + " or waits for storage and consumption.");
    }

    private static <T> T require(T service, String why) {
        if (service == null) {
            throw new IllegalStateException(why + " See paperless:status and log:display.");
        }
        return service;
    }
}
