package org.paperless.matching.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.paperless.api.matching.DocumentClassifier;
import org.paperless.api.matching.DocumentMatcher;
import org.paperless.api.matching.Matches;
import org.paperless.api.storage.CorrespondentRepository;
import org.paperless.api.storage.DocumentTypeRepository;
import org.paperless.api.storage.StoragePathRepository;
import org.paperless.api.storage.TagRepository;

/** The rules of every object, read fresh for each text: a rule changed in the console applies to the next document. */
@Component(service = DocumentMatcher.class)
public class MatcherComponent implements DocumentMatcher {

    private final CorrespondentRepository correspondents;
    private final DocumentTypeRepository types;
    private final TagRepository tags;
    private final StoragePathRepository paths;
    private final RuleMatcher matcher = new RuleMatcher();

    @Activate
    public MatcherComponent(@Reference CorrespondentRepository correspondents, @Reference DocumentTypeRepository types,
            @Reference TagRepository tags, @Reference StoragePathRepository paths) {
        this.correspondents = correspondents;
        this.types = types;
        this.tags = tags;
        this.paths = paths;
    }

    /** AUTO objects are the classifier's: without it (or a model) they are never assigned. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DocumentClassifier classifier;

    @Override
    public Matches match(String content) {
        return withPredictions(RuleSet.read(correspondents, types, tags, paths).match(matcher, content), classifier, content);
    }

    /** The rules' matches, then what the classifier predicts for AUTO objects. */
    static Matches withPredictions(Matches rules, DocumentClassifier classifier, String content) {
        if (classifier == null) {
            return rules;
        }
        Matches predicted = classifier.predict(content);
        return new Matches(join(rules.correspondents(), predicted.correspondents()),
                join(rules.documentTypes(), predicted.documentTypes()), join(rules.tags(), predicted.tags()),
                join(rules.storagePaths(), predicted.storagePaths()));
    }

    private static java.util.List<Long> join(java.util.List<Long> a, java.util.List<Long> b) {
        java.util.LinkedHashSet<Long> all = new java.util.LinkedHashSet<>(a);
        all.addAll(b);
        return java.util.List.copyOf(all);
    }
}
