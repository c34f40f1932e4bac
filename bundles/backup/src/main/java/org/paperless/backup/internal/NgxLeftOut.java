package org.paperless.backup.internal;

import java.util.ArrayList;
import java.util.List;

/** What an export for paperless-ngx cannot carry, counted, as lines for the end of the export's report. */
final class NgxLeftOut {

    private final String version;
    private final List<String> lines = new ArrayList<>();

    NgxLeftOut(String version) {
        this.version = version;
    }

    void trashed(long count) {
        if (count > 0) {
            lines.add(count + (count == 1 ? " document in the trash is" : " documents in the trash are")
                    + " not in the export (restore them first to carry them)");
        }
    }

    /** paperless-ngx 3 keeps where a view shows per user, in its UI settings. */
    void viewPlaces(long count) {
        if (count > 0) {
            lines.add(count + (count == 1 ? " saved view is" : " saved views are") + " shown on the dashboard or in"
                    + " the sidebar: paperless-ngx " + version + " keeps that per user; each user shows them again there");
        }
    }

    void passwords(long users) {
        if (users > 0) {
            lines.add(users + (users == 1 ? " user has" : " users have") + " no password in the export (none leaves"
                    + " this instance): each sets one in paperless-ngx, or an admin does");
        }
    }

    void thumbnails(long count, String why) {
        if (count > 0) {
            lines.add(count + (count == 1 ? " thumbnail is" : " thumbnails are") + " not in the export (" + why
                    + "): paperless-ngx's document_thumbnails makes them again after the import");
        }
    }

    List<String> lines() {
        return lines;
    }
}
