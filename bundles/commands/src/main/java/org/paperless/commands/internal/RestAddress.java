package org.paperless.commands.internal;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;

/**
 * Where the REST API answers, for paperless:status: whether the REST bundle's handler runs, and the address
 * and port the instance was started with (PAPERLESS_BIND_ADDR, PAPERLESS_PORT), or PAPERLESS_URL when set.
 */
final class RestAddress {

    /** The REST bundle's handler, which the gateway's servlet hands requests to. */
    static final String SERVLET_FILTER = "(paperless.api=handler)";

    private RestAddress() {
    }

    static String describe(BundleContext context) {
        try {
            if (context.getServiceReferences((String) null, SERVLET_FILTER) == null) {
                return "not running (feature:install paperless-rest, or bundle:start org.paperless.rest)";
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        String url = System.getenv("PAPERLESS_URL");
        if (url != null && !url.isBlank()) {
            return (url.endsWith("/") ? url : url + "/") + "api/";
        }
        String host = System.getProperty("paperless.http.host", "127.0.0.1");
        String port = System.getProperty("paperless.http.port", "8000");
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/api/";
    }
}
