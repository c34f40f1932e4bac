package org.paperless.bench.loader;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.Correspondent;
import org.paperless.api.DocumentType;
import org.paperless.api.Matching;
import org.paperless.api.MatchingAlgorithm;
import org.paperless.api.StoragePath;
import org.paperless.api.Tag;
import org.paperless.api.storage.CorrespondentRepository;
import org.paperless.api.storage.DocumentTypeRepository;
import org.paperless.api.storage.StoragePathRepository;
import org.paperless.api.storage.TagRepository;
import org.paperless.bench.corpus.CorpusGenerator;
import org.paperless.bench.corpus.GeneratedDocument;

/**
 * Matching rules for the retagger benchmark: N objects (40% tags, 30% correspondents, 15% types, 15%
 * storage paths), their algorithms cycling through any, all, literal, regex and fuzzy, their words taken
 * from the generated corpus so that they do match some documents.
 */
@Service
@Command(scope = "paperless-bench", name = "rules", description = "Create N matching rules of mixed algorithms (benchmarks only)")
public class RulesCommand implements Action {

    private static final MatchingAlgorithm[] MIX = {MatchingAlgorithm.ANY, MatchingAlgorithm.ALL,
        MatchingAlgorithm.LITERAL, MatchingAlgorithm.REGEX, MatchingAlgorithm.FUZZY};

    @Option(name = "--count")
    int count = 100;

    @Option(name = "--seed")
    long seed = 42;

    @Reference
    CorrespondentRepository correspondents;

    @Reference
    DocumentTypeRepository types;

    @Reference
    TagRepository tags;

    @Reference
    StoragePathRepository paths;

    @Override
    public Object execute() {
        List<String[]> texts = new ArrayList<>();
        CorpusGenerator generator = new CorpusGenerator(seed + 7);
        for (int i = 0; i < 200; i++) {
            GeneratedDocument d = generator.next();
            texts.add(Arrays.stream(d.pageText(0).split("[^\\p{L}\\p{N}]+")).filter(t -> t.length() >= 4).toArray(String[]::new));
        }
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            MatchingAlgorithm algorithm = MIX[i % MIX.length];
            String[] words = texts.get(random.nextInt(texts.size()));
            int at = random.nextInt(Math.max(1, words.length - 3));
            Matching rule = new Matching(match(algorithm, words, at, random), algorithm, true);
            String name = "Rule " + (i + 1) + " (" + algorithm.label() + ")";
            int kind = i % 20;
            if (kind < 8) {
                tags.create(new Tag(null, name, rule, "#a6cee3", false, null));
            } else if (kind < 14) {
                correspondents.create(new Correspondent(null, name, rule));
            } else if (kind < 17) {
                types.create(new DocumentType(null, name, rule));
            } else {
                paths.create(new StoragePath(null, name, "{correspondent}/{title}", rule));
            }
        }
        System.out.println("created " + count + " rules");
        return null;
    }

    private static String match(MatchingAlgorithm algorithm, String[] words, int at, Random random) {
        String word = words[at];
        return switch (algorithm) {
            case ANY -> word + " " + words[at + 1] + " " + words[(at + 2) % words.length];
            case ALL -> word + " " + words[(at + 2) % words.length];
            case LITERAL -> word + " " + words[at + 1];
            case REGEX -> "\\b" + word.substring(0, Math.min(4, word.length())) + "\\w*\\s+\\S+";
            default -> typo(word + " " + words[at + 1], random);
        };
    }

    /** One letter changed: a fuzzy rule should still find it. */
    private static String typo(String text, Random random) {
        char[] chars = text.toCharArray();
        int i = random.nextInt(chars.length);
        chars[i] = chars[i] == 'e' ? 'a' : 'e';
        return new String(chars).toLowerCase(Locale.ROOT);
    }
}
