package org.paperless.api.security;

/**
 * Who owns a document or object and whom it is shared with, as paperless-ngx decides it: admins see and change
 * everything; an object without an owner is everyone's; otherwise its owner and those granted it.
 *
 * @param owner the owning user's name, null when nobody owns it
 */
public record Access(String owner, Grants grants) {

    public static final Access PUBLIC = new Access(null, Grants.NONE);

    public Access {
        grants = grants == null ? Grants.NONE : grants;
    }

    public boolean sees(ApiUser user) {
        return user.admin() || owner == null || owner.equals(user.name()) || grants.views(user);
    }

    public boolean changes(ApiUser user) {
        return user.admin() || owner == null || owner.equals(user.name()) || grants.changes(user);
    }

    /** Only owners and admins hand an object to someone else or change who it is shared with. */
    public boolean governs(ApiUser user) {
        return user.admin() || owner == null || owner.equals(user.name());
    }
}
