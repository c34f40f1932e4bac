package org.paperless.commands.internal;

import java.security.AccessController;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import javax.security.auth.Subject;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.Document;
import org.paperless.api.backup.Progress;
import org.paperless.api.maintenance.DuplicatePair;
import org.paperless.api.maintenance.NearDuplicates;
import org.paperless.api.storage.DocumentRepository;

/**
 * paperless-ngx's document_fuzzy_match: pairs of documents whose contents are nearly the same, the most similar
 * first. With --delete --yes the newer document of each pair (the higher id) goes into the trash, as deleting
 * does in paperless-ngx, except one that is the kept (older) document of another pair: a chain of near-duplicates
 * never loses all of its members in one run. The console cannot ask for a confirmation over ssh, hence --yes.
 */
@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "duplicates", description = "List pairs of documents whose content is nearly "
        + "the same (document_fuzzy_match); with --delete --yes move the newer of each pair into the trash")
public class DuplicatesCommand implements Action {

    @Option(name = "--ratio", description = "The least similarity (0-100, rapidfuzz's ratio of the contents) a pair needs")
    int ratio = 85;

    @Option(name = "--delete", description = "Move the newer document of each pair into the trash (needs --yes)")
    boolean delete;

    @Option(name = "--yes", description = "Confirm --delete (the console cannot ask)")
    boolean yes;

    @Option(name = "--no-progress-bar", description = "No progress line")
    boolean noProgress;

    @Option(name = "--no-format", description = "Tab-separated pairs without header or summary, for scripts")
    boolean noFormat;

    @Reference(optional = true)
    NearDuplicates duplicates;

    @Reference(optional = true)
    DocumentRepository documents;

    @Override
    public Object execute() {
        if (ratio < 0 || ratio > 100) {
            throw new IllegalArgumentException("The ratio must be between 0 and 100");
        }
        if (delete && !yes) {
            throw new IllegalArgumentException("--delete moves the newer document of every pair found into the trash;"
                    + " add --yes to do so (the console cannot ask), or leave out --delete to see the pairs first");
        }
        if (delete) {
            requireAdmin();
            Capabilities.storage(documents);
        }
        NearDuplicates service = Capabilities.index(duplicates);
        boolean quiet = noProgress || noFormat;
        List<DuplicatePair> pairs = service.find(ratio, progress(quiet));
        ProgressLine.end(quiet);
        print(pairs);
        if (!noFormat) {
            System.out.println(pairs.isEmpty() ? "No duplicate documents found at ratio " + ratio + "."
                    : "Found " + pairs.size() + " matching pair" + (pairs.size() == 1 ? "" : "s") + " at ratio " + ratio
                            + ".");
        }
        if (delete && !pairs.isEmpty()) {
            moveNewerToTrash(pairs);
        }
        return null;
    }

    private void print(List<DuplicatePair> pairs) {
        if (pairs.isEmpty()) {
            return;
        }
        List<DuplicatePair> bySimilarity = new ArrayList<>(pairs);
        bySimilarity.sort(Comparator.comparingDouble(DuplicatePair::ratio).reversed()
                .thenComparingLong(DuplicatePair::firstId).thenComparingLong(DuplicatePair::secondId));
        Table table = new Table().rightColumn("First").wideColumn("Title", 40).rightColumn("Second")
                .wideColumn("Title", 40).rightColumn("Ratio");
        for (DuplicatePair p : bySimilarity) {
            table.row(p.firstId(), p.firstTitle(), p.secondId(), p.secondTitle(),
                    String.format(Locale.ROOT, "%.1f", p.ratio()));
        }
        table.print(System.out, noFormat);
    }

    /** The newer of each pair, unless it is the older of another pair: that one stays for its own newer twin. */
    static List<Long> newerToTrash(List<DuplicatePair> pairs) {
        Set<Long> kept = pairs.stream().map(DuplicatePair::firstId).collect(Collectors.toSet());
        Set<Long> newer = new LinkedHashSet<>();
        pairs.stream().map(DuplicatePair::secondId).filter(id -> !kept.contains(id)).sorted().forEach(newer::add);
        return List.copyOf(newer);
    }

    private void moveNewerToTrash(List<DuplicatePair> pairs) {
        List<Long> ids = newerToTrash(pairs);
        long spared = pairs.stream().map(DuplicatePair::secondId).distinct().count() - ids.size();
        if (ids.isEmpty()) {
            System.out.println("Nothing moved into the trash: every newer document is the older one of another pair.");
            return;
        }
        List<Document> moved = documents.moveToTrash(ids);
        for (Document d : moved) {
            System.out.println("Moved document " + d.id() + " '" + d.title() + "' into the trash");
        }
        System.out.println(moved.size() + (moved.size() == 1 ? " document" : " documents") + " in the trash now"
                + (spared > 0 ? " (" + spared + " newer kept: each is the older one of another pair; run again"
                        + " to take them)" : "")
                + "; paperless:trash restore " + moved.stream().map(d -> String.valueOf(d.id()))
                        .collect(Collectors.joining(" ")) + " brings " + (moved.size() == 1 ? "it" : "them") + " back.");
    }

    private Progress progress(boolean quiet) {
        if (quiet) {
            return Progress.NONE;
        }
        return (done, total) -> {
            System.out.printf("\rLooking for near-duplicates: %d%%", total == 0 ? 100 : done * 100 / total);
            System.out.flush();
        };
    }

    /**
     * Listing is for viewers too (the ACL lets them run the command); moving documents into the trash is not.
     * The console runs a command inside its user's JAAS subject; without one (no login) there is nothing to check.
     */
    @SuppressWarnings("removal")
    private static void requireAdmin() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject != null && subject.getPrincipals().stream().noneMatch(DuplicatesCommand::adminRole)) {
            throw new SecurityException("--delete needs the admin role; without --delete the pairs can be listed");
        }
    }

    /** Karaf's RolePrincipal, matched by name: the commands bundle does not depend on Karaf's JAAS classes. */
    private static boolean adminRole(Principal principal) {
        return "admin".equals(principal.getName()) && principal.getClass().getSimpleName().equals("RolePrincipal");
    }
}
