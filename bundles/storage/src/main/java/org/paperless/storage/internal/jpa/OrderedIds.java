package org.paperless.storage.internal.jpa;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The ids that answer a list query, in order, with one read-only list over them for answers that give them all
 * (paperless-ngx's {@code all}): made once per kept answer, so callers may keep what they derive from it by
 * identity.
 */
final class OrderedIds {

    private final long[] ids;
    private final List<Long> list;

    OrderedIds(long[] ids) {
        this.ids = ids;
        this.list = new View(ids);
    }

    long[] ids() {
        return ids;
    }

    List<Long> asList() {
        return list;
    }

    private static final class View extends AbstractList<Long> implements RandomAccess {
        private final long[] ids;

        View(long[] ids) {
            this.ids = ids;
        }

        @Override
        public Long get(int index) {
            return ids[index];
        }

        @Override
        public int size() {
            return ids.length;
        }
    }
}
