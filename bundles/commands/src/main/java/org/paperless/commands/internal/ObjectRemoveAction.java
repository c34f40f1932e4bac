package org.paperless.commands.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.paperless.api.ClassifyingObject;
import org.paperless.api.storage.ObjectRepository;

/** Removes objects by id or name; documents keep existing and lose the reference. */
abstract class ObjectRemoveAction<T extends ClassifyingObject> implements Action {

    @Completion(CommandObjectCompleter.class)
    @Argument(index = 0, name = "id-or-name", description = "Ids or names of the objects to remove",
            required = true, multiValued = true)
    List<String> targets;

    protected abstract ObjectRepository<T> repository();

    @Override
    public Object execute() {
        // Resolve all first, so a typo in the last name removes nothing.
        List<T> found = targets.stream().map(repository()::resolve).toList();
        for (T o : found) {
            repository().delete(o.id());
            System.out.println("Removed " + repository().kind() + " " + MatchingOptionsAction.describe(o));
        }
        return null;
    }
}
