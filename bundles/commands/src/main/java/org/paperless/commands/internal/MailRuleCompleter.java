package org.paperless.commands.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.CommandLine;
import org.paperless.api.mail.MailRule;
import org.paperless.api.mail.MailRules;

/** Completes mail rule names, their ids as description. */
@Service
public class MailRuleCompleter extends ListingCompleter {

    @Reference(optional = true)
    MailRules rules;

    @Override
    protected void list(CommandLine line, List<Candidate> candidates) {
        if (rules != null) {
            for (MailRule r : rules.list()) {
                candidates.add(Candidates.of(r.name(), "mail rule " + r.id()));
            }
        }
    }
}
