package org.paperless.commands.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.paperless.api.ClassifyingObject;
import org.paperless.api.Matching;
import org.paperless.api.MatchingAlgorithm;
import org.paperless.api.storage.ObjectRepository;

/** The matching options that adding and changing an object share. */
abstract class MatchingOptionsAction<T extends ClassifyingObject> implements Action {

    @Option(name = "--match", aliases = "-m", description = "Text to look for in a document's content (empty never matches)")
    String match;

    @Completion(value = StringsCompleter.class, values = {"none", "any", "all", "literal", "regex", "fuzzy", "auto"})
    @Option(name = "--algorithm", aliases = "-a",
            description = "none, any, all, literal, regex, fuzzy or auto (or the paperless-ngx number 0-6); default any")
    String algorithm;

    @Option(name = "--case-sensitive", description = "Compare case (the default ignores it)")
    boolean caseSensitive;

    @Option(name = "--case-insensitive", description = "Ignore case (the default)")
    boolean caseInsensitive;

    protected abstract ObjectRepository<T> repository();

    /** The given matching with what the options change. */
    Matching matching(Matching base) {
        if (caseSensitive && caseInsensitive) {
            throw new IllegalArgumentException("Give --case-sensitive or --case-insensitive, not both");
        }
        String newMatch = match != null ? match : base.match();
        MatchingAlgorithm newAlgorithm = algorithm != null ? MatchingAlgorithm.parse(algorithm) : base.algorithm();
        boolean insensitive = caseSensitive ? false : caseInsensitive || base.insensitive();
        return new Matching(newMatch, newAlgorithm, insensitive);
    }

    static String describe(ClassifyingObject o) {
        return o.id() + " '" + o.name() + "'";
    }
}
