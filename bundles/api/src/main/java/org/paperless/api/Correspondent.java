package org.paperless.api;

/** Who a document comes from or goes to. */
public record Correspondent(Long id, String name, Matching matching) implements ClassifyingObject {

    public Correspondent {
        name = ClassifyingObject.checkName(name);
        matching = matching == null ? Matching.DEFAULT : matching;
    }

    public Correspondent withId(Long newId) {
        return new Correspondent(newId, name, matching);
    }
}
