package org.paperless.api;

import java.util.regex.Pattern;

/** A label; tags nest (a parent, up to five levels), have a colour, and inbox tags go on every new document. */
public record Tag(Long id, String name, Matching matching, String color, boolean inbox, Long parentId)
        implements ClassifyingObject {

    public static final String DEFAULT_COLOR = "#a6cee3";
    public static final int MAX_DEPTH = 5;
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    public Tag {
        name = ClassifyingObject.checkName(name);
        matching = matching == null ? Matching.DEFAULT : matching;
        color = color == null || color.isBlank() ? DEFAULT_COLOR : color.strip().toLowerCase();
        if (!color.startsWith("#")) {
            // "ff0000" is what a shell leaves of "#ff0000" when # starts a comment.
            color = "#" + color;
        }
        if (!COLOR.matcher(color).matches()) {
            throw new IllegalArgumentException("colour '" + color + "' is not of the form #rrggbb");
        }
        if (id != null && id.equals(parentId)) {
            throw new IllegalArgumentException("a tag cannot be its own parent");
        }
    }

    public Tag withId(Long newId) {
        return new Tag(newId, name, matching, color, inbox, parentId);
    }
}
