package org.paperless.commands.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.CommandLine;
import org.paperless.api.Document;
import org.paperless.api.storage.DocumentRepository;

/**
 * Completes document ids, the title as description: the ids that start with the typed digits, else the
 * newest documents; a few dozen at most, since a collection can hold hundreds of thousands.
 */
@Service
public class DocumentCompleter extends ListingCompleter {

    static final int MAX = 50;

    @Reference(optional = true)
    DocumentRepository documents;

    @Override
    protected void list(CommandLine line, List<Candidate> candidates) {
        if (documents == null) {
            return;
        }
        String typed = Candidates.typed(line);
        List<Document> found = typed.matches("[1-9]\\d{0,17}") ? withIdPrefix(Long.parseLong(typed), documents::listAfter)
                : newest();
        found.forEach(d -> candidates.add(Candidates.of(String.valueOf(d.id()), d.title())));
    }

    private List<Document> newest() {
        long count = documents.count();
        return documents.list((int) Math.max(0, Math.min(Integer.MAX_VALUE, count - MAX)), MAX);
    }

    /**
     * The documents whose id starts with the digits of {@code prefix}, smallest first: the prefix itself, then
     * its ten-wide range (12: 120-129), its hundred-wide range... one query each, until the ids run out.
     */
    static List<Document> withIdPrefix(long prefix, DocumentBatches batches) {
        List<Document> found = new ArrayList<>();
        long width = 1;
        for (long low = prefix; found.size() < MAX; low *= 10, width *= 10) {
            long high = low + width - 1;
            List<Document> batch = batches.after(low - 1, (int) Math.min(MAX - found.size(), width));
            if (batch.isEmpty()) {
                break;
            }
            batch.stream().filter(d -> d.id() <= high).forEach(found::add);
            if (low > Long.MAX_VALUE / 10) {
                break;
            }
        }
        return found;
    }
}
