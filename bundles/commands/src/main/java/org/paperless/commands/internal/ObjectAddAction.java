package org.paperless.commands.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.paperless.api.ClassifyingObject;
import org.paperless.api.Matching;

/** Adds a correspondent, tag, document type or storage path and prints its id. */
abstract class ObjectAddAction<T extends ClassifyingObject> extends MatchingOptionsAction<T> {

    @Argument(index = 0, name = "name", description = "Unique name", required = true)
    String name;

    protected abstract T build(String name, Matching matching);

    @Override
    public Object execute() {
        T created = repository().create(build(name, matching(Matching.DEFAULT)));
        System.out.println("Added " + repository().kind() + " " + describe(created));
        return null;
    }
}
