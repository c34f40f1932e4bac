package org.paperless.rest.internal;

import javax.servlet.http.HttpServletRequest;

/** The start of absolute links: PAPERLESS_URL when set (behind a proxy), else what the client called. */
final class Links {

    private Links() {
    }

    static String base(HttpServletRequest http, String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        String scheme = http.getScheme();
        int port = http.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String host = http.getServerName();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }
}
