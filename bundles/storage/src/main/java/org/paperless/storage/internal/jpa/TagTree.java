package org.paperless.storage.internal.jpa;

import java.util.Map;

import org.paperless.api.ConflictException;
import org.paperless.api.Tag;

/** Checks where a tag may hang in the hierarchy: the parent exists, no cycle, at most Tag.MAX_DEPTH levels. */
final class TagTree {

    private final Map<Long, Long> parents;

    /** @param parents every stored tag's id mapped to its parent id (null for a top-level tag) */
    TagTree(Map<Long, Long> parents) {
        this.parents = parents;
    }

    void check(Tag tag) {
        Long parent = tag.parentId();
        if (parent == null) {
            return; // a tag moved to the top cannot get deeper than it was
        }
        if (!parents.containsKey(parent)) {
            throw new ConflictException("Parent tag " + parent + " of tag '" + tag.name() + "' does not exist");
        }
        int levels = 1; // the tag itself
        for (Long at = parent; at != null; at = parents.get(at)) {
            if (at.equals(tag.id())) {
                throw new ConflictException("Tag '" + tag.name() + "' cannot be put under tag " + parent
                        + ": that tag is below it");
            }
            if (++levels > parents.size() + 1) {
                throw new ConflictException("The stored tag hierarchy has a cycle above tag " + parent);
            }
        }
        int depth = levels - 1 + height(tag.id());
        if (depth > Tag.MAX_DEPTH) {
            throw new ConflictException("Tag '" + tag.name() + "' under tag " + parent + " would make the hierarchy "
                    + depth + " levels deep; at most " + Tag.MAX_DEPTH + " are allowed");
        }
    }

    /** Levels from the tag down to its deepest descendant, the tag included; 1 for a new tag. */
    private int height(Long id) {
        if (id == null) {
            return 1;
        }
        int below = 0;
        for (Map.Entry<Long, Long> entry : parents.entrySet()) {
            if (id.equals(entry.getValue())) {
                below = Math.max(below, height(entry.getKey()));
            }
        }
        return 1 + below;
    }
}
