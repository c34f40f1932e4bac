package org.paperless.api;

/** The kind of a document: invoice, letter, contract... */
public record DocumentType(Long id, String name, Matching matching) implements ClassifyingObject {

    public DocumentType {
        name = ClassifyingObject.checkName(name);
        matching = matching == null ? Matching.DEFAULT : matching;
    }

    public DocumentType withId(Long newId) {
        return new DocumentType(newId, name, matching);
    }
}
