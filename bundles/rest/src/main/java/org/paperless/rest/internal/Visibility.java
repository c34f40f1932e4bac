package org.paperless.rest.internal;

import java.util.List;

import org.paperless.api.security.ApiUser;
import org.paperless.api.storage.DocumentQuery;

/**
 * Which documents a user sees, as paperless-ngx: admins every document, others those without an owner, their own
 * and those shared with them or their groups. Lists, counts and searches ask the database with these criteria;
 * single documents ask {@link org.paperless.api.security.Access}. A document a user may not see is answered 404,
 * as one that does not exist, so its existence does not leak.
 */
final class Visibility {

    private Visibility() {
    }

    /** The criteria that keep a query to what the user sees: none for admins. */
    static List<DocumentQuery.Criterion> criteria(ApiUser user) {
        return user == null || user.admin() ? List.of()
                : List.of(new DocumentQuery.VisibleTo(user.name(), user.groups()));
    }

    /** How many of these documents (outside the trash) the user sees. */
    static int count(Services services, ApiUser user, java.util.Set<Long> ids) {
        if (ids.size() > DocumentQuery.MAX_VALUES) {
            throw ApiException.invalid("documents", "At most " + DocumentQuery.MAX_VALUES + " document ids at once.");
        }
        List<DocumentQuery.Criterion> criteria = new java.util.ArrayList<>(criteria(user));
        criteria.add(new DocumentQuery.IdIn(ids));
        return (int) services.documents().query(new DocumentQuery(criteria, List.of(), 0, 1, false)).count();
    }

    /** Custom field values read for this user: document links only to documents the user sees. */
    static CustomFieldJson customFields(Services services, ApiUser user) {
        return CustomFieldJson.of(services, ids -> count(services, user, ids));
    }
}
