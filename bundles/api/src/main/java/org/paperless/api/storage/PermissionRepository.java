package org.paperless.api.storage;

import java.util.Collection;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;
import org.paperless.api.security.Access;
import org.paperless.api.security.Grants;
import org.paperless.api.security.ObjectType;

/**
 * Owners and grants of documents and objects. A document's owner is part of the document ({@link
 * DocumentRepository#update}); the owners of tags, correspondents, document types and storage paths, and every
 * grant, are kept here.
 */
@ProviderType
public interface PermissionRepository {

    /** Owner and grants of these documents or objects, by id; those with neither are left out. */
    Map<Long, Access> access(ObjectType type, Collection<Long> ids);

    /** Owner and grants of every object of this type that has either (not for documents: use {@link #access}). */
    Map<Long, Access> accessAll(ObjectType type);

    /** Every grant on documents or objects of this type, by id (for exports). */
    Map<Long, Grants> grants(ObjectType type);

    /** Gives an object (not a document) to a user, or to nobody (null). */
    void setOwner(ObjectType type, long id, String owner);

    /** Replaces who else may see and change these documents or objects. */
    void setGrants(ObjectType type, Collection<Long> ids, Grants grants);

    /** Forgets the owner and grants of an object that is gone. */
    void forget(ObjectType type, long id);

    /** Forgets every grant to this user, or group, and every object this user owns becomes unowned. */
    void forgetPrincipal(boolean group, String name);
}
