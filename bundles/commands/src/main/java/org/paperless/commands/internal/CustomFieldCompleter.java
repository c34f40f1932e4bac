package org.paperless.commands.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.CommandLine;
import org.paperless.api.CustomField;
import org.paperless.api.storage.CustomFieldRepository;

/** Completes the names of custom fields, their id and data type as description. */
@Service
public class CustomFieldCompleter extends ListingCompleter {

    @Reference(optional = true)
    CustomFieldRepository fields;

    @Override
    protected void list(CommandLine line, List<Candidate> candidates) {
        if (fields != null) {
            for (CustomField f : fields.list()) {
                candidates.add(Candidates.of(f.name(), "custom field " + f.id() + " (" + f.dataType().label() + ")"));
            }
        }
    }
}
