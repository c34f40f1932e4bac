package org.paperless.backup.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.paperless.api.Tag;

/**
 * The django-treenode fields paperless-ngx keeps on every tag (ancestors, children, descendants and siblings as
 * comma-separated pks, their counts, level, depth, and the tree's order), computed as treenode's update_tree
 * computes them: nodes sorted by priority (0 here), then the slug of the name, then the pk.
 */
final class TagTree {

    private static final int KEY_LENGTH = 10;
    private static final long PRIORITY_MAX = 9_999_999_999L;

    private final Map<Long, ObjectNode> fields = new HashMap<>();

    TagTree(List<Tag> tags, ObjectMapper mapper) {
        Map<Long, Tag> byId = tags.stream().collect(Collectors.toMap(Tag::id, t -> t));
        Map<Long, List<Long>> ancestors = new HashMap<>();
        Map<Long, String> orderKey = new HashMap<>();
        for (Tag t : tags) {
            List<Long> chain = new ArrayList<>();
            StringBuilder key = new StringBuilder(nodeKey(t));
            // A parent not among the tags ends the chain (treenode does the same); a loop cannot go round twice.
            for (Long p = t.parentId(); p != null && byId.containsKey(p) && !chain.contains(p) && p != t.id();
                    p = byId.get(p).parentId()) {
                chain.add(0, p);
                key.insert(0, nodeKey(byId.get(p)));
            }
            ancestors.put(t.id(), chain);
            orderKey.put(t.id(), key.toString());
        }
        List<Tag> ordered = new ArrayList<>(tags);
        ordered.sort(Comparator.comparing(t -> orderKey.get(t.id())));
        Map<Long, Integer> order = new HashMap<>();
        Map<Long, Integer> index = new HashMap<>();
        Map<Long, List<Long>> children = new HashMap<>();
        Map<Long, Integer> nextIndex = new HashMap<>();
        for (Tag t : ordered) {
            Long parent = parentOf(t, byId);
            order.put(t.id(), order.size());
            index.put(t.id(), nextIndex.merge(parent == null ? -1L : parent, 1, Integer::sum) - 1);
            children.computeIfAbsent(parent == null ? -1L : parent, k -> new ArrayList<>()).add(t.id());
        }
        Map<Long, List<Long>> descendants = new HashMap<>();
        Map<Long, Integer> depth = new HashMap<>();
        List<Tag> deepestFirst = new ArrayList<>(ordered);
        deepestFirst.sort(Comparator.comparing((Tag t) -> ancestors.get(t.id()).size()).reversed());
        for (Tag t : deepestFirst) {
            List<Long> below = new ArrayList<>();
            int d = 0;
            for (Long child : children.getOrDefault(t.id(), List.of())) {
                below.add(child);
                below.addAll(descendants.getOrDefault(child, List.of()));
                d = Math.max(d, depth.getOrDefault(child, 0) + 1);
            }
            below.sort(Comparator.comparing(order::get));
            descendants.put(t.id(), below);
            depth.put(t.id(), d);
        }
        for (Tag t : tags) {
            Long parent = parentOf(t, byId);
            List<Long> siblings = new ArrayList<>(children.get(parent == null ? -1L : parent));
            siblings.remove(t.id());
            List<Long> kids = children.getOrDefault(t.id(), List.of());
            ObjectNode f = mapper.createObjectNode();
            f.put("tn_ancestors_pks", join(ancestors.get(t.id())));
            f.put("tn_ancestors_count", ancestors.get(t.id()).size());
            f.put("tn_children_pks", join(kids));
            f.put("tn_children_count", kids.size());
            f.put("tn_depth", depth.get(t.id()));
            f.put("tn_descendants_pks", join(descendants.get(t.id())));
            f.put("tn_descendants_count", descendants.get(t.id()).size());
            f.put("tn_index", index.get(t.id()));
            f.put("tn_level", ancestors.get(t.id()).size() + 1);
            if (parent == null) {
                f.putNull("tn_parent");
            } else {
                f.put("tn_parent", parent);
            }
            f.put("tn_priority", 0);
            f.put("tn_order", order.get(t.id()));
            f.put("tn_siblings_pks", join(siblings));
            f.put("tn_siblings_count", siblings.size());
            fields.put(t.id(), f);
        }
    }

    /** The tree fields of a tag; null for one not listed. */
    ObjectNode of(long tagId) {
        return fields.get(tagId);
    }

    private static Long parentOf(Tag t, Map<Long, Tag> byId) {
        return t.parentId() != null && byId.containsKey(t.parentId()) && !t.parentId().equals(t.id()) ? t.parentId() : null;
    }

    /** treenode's key of one node: the inverted priority, the slug padded with z, the pk; upper case. */
    private static String nodeKey(Tag t) {
        String priority = Long.toString(PRIORITY_MAX);
        String slug = slug(t.name());
        StringBuilder alphabetical = new StringBuilder(slug);
        while (alphabetical.length() < KEY_LENGTH) {
            alphabetical.append('z');
        }
        String pk = String.format(Locale.ROOT, "%0" + KEY_LENGTH + "d", Math.min(t.id(), PRIORITY_MAX));
        return (priority + alphabetical.substring(0, KEY_LENGTH) + pk).toUpperCase(Locale.ROOT);
    }

    /** Django's slugify: ASCII, lower case, word characters and hyphens, runs of spaces and hyphens as one. */
    static String slug(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD).replaceAll("[^\\x00-\\x7F]", "");
        String kept = ascii.toLowerCase(Locale.ROOT).replaceAll("[^\\w\\s-]", "");
        return kept.replaceAll("[-\\s]+", "-").replaceAll("^[-_]+|[-_]+$", "");
    }

    private static String join(List<Long> pks) {
        return pks.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
