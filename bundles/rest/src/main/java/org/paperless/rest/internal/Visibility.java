package org.paperless.rest.internal;

import java.util.List;

import org.paperless.api.Document;
import org.paperless.api.security.ApiUser;
import org.paperless.api.storage.DocumentQuery;

/**
 * Which documents a user sees, as paperless-ngx without explicit grants: admins every document, others those
 * without an owner and their own. Lists, counts, searches, files and changes all ask here; a document a user may
 * not see is answered 404, as one that does not exist, so its existence does not leak.
 */
final class Visibility {

    private Visibility() {
    }

    /** The criteria that keep a query to what the user sees: none for admins. */
    static List<DocumentQuery.Criterion> criteria(ApiUser user) {
        return user == null || user.admin() ? List.of() : List.of(new DocumentQuery.VisibleTo(user.name()));
    }

    static boolean sees(ApiUser user, Document d) {
        return user == null || user.admin() || d.owner() == null || d.owner().equals(user.name());
    }

    /** Whether the user may change the document: as seeing it, until grants come. */
    static boolean changes(ApiUser user, Document d) {
        return sees(user, d);
    }
}
