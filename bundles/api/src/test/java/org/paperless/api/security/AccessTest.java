package org.paperless.api.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** Who sees, changes and governs a document or object, as paperless-ngx decides it. */
class AccessTest {

    private static final ApiUser ADMIN = new ApiUser("root", Set.of(ApiUser.ADMIN_ROLE));
    private static final ApiUser BOB = new ApiUser("bob", Set.of());
    private static final ApiUser ALICE = new ApiUser("alice", Set.of(), Set.of("family"));
    private static final ApiUser CAROL = new ApiUser("carol", Set.of("viewer"), Set.of("work"));

    @Test
    void unownedIsEveryones() {
        for (ApiUser user : new ApiUser[] {ADMIN, BOB, ALICE, CAROL}) {
            assertTrue(Access.PUBLIC.sees(user) && Access.PUBLIC.changes(user) && Access.PUBLIC.governs(user));
        }
    }

    @Test
    void ownedIsTheOwnersTheAdminsAndThoseGrantedIt() {
        Access bobs = new Access("bob", new Grants(Set.of(), Set.of("family"), Set.of("carol"), Set.of()));
        assertTrue(bobs.sees(BOB) && bobs.changes(BOB) && bobs.governs(BOB));
        assertTrue(bobs.sees(ADMIN) && bobs.changes(ADMIN) && bobs.governs(ADMIN));
        assertTrue(bobs.sees(ALICE), "through her group");
        assertFalse(bobs.changes(ALICE) || bobs.governs(ALICE));
        assertTrue(bobs.sees(CAROL) && bobs.changes(CAROL), "a change grant shows it too");
        assertFalse(bobs.governs(CAROL), "only the owner shares or gives it away");
        Access secret = new Access("bob", Grants.NONE);
        assertFalse(secret.sees(ALICE) || secret.sees(CAROL));
    }
}
