package org.paperless.commands.internal;

import java.util.List;

import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.CommandLine;
import org.paperless.api.ClassifyingObject;
import org.paperless.api.storage.ObjectRepository;

/** Completes the names of correspondents, tags, document types or storage paths, their ids as description. */
abstract class ObjectNameCompleter extends ListingCompleter {

    /** The objects to offer, or null when there are none to offer (storage down). */
    protected abstract ObjectRepository<? extends ClassifyingObject> repository(CommandLine line);

    @Override
    protected void list(CommandLine line, List<Candidate> candidates) {
        ObjectRepository<? extends ClassifyingObject> repository = repository(line);
        if (repository != null) {
            for (ClassifyingObject o : repository.list()) {
                candidates.add(Candidates.of(o.name(), repository.kind() + " " + o.id()));
            }
        }
    }
}
