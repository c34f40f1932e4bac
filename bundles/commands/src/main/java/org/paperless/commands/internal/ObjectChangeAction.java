package org.paperless.commands.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.paperless.api.ClassifyingObject;
import org.paperless.api.Matching;

/** Changes the name or matching of an object; what is not given stays as it is. */
abstract class ObjectChangeAction<T extends ClassifyingObject> extends MatchingOptionsAction<T> {

    @Completion(CommandObjectCompleter.class)
    @Argument(index = 0, name = "id-or-name", description = "The object's id or name", required = true)
    String idOrName;

    @Option(name = "--name", aliases = "-n", description = "New name")
    String newName;

    protected abstract T rebuild(T current, String name, Matching matching);

    @Override
    public Object execute() {
        T current = repository().resolve(idOrName);
        String name = newName != null ? newName : current.name();
        T updated = repository().update(rebuild(current, name, matching(current.matching())));
        System.out.println("Changed " + repository().kind() + " " + describe(updated));
        return null;
    }
}
