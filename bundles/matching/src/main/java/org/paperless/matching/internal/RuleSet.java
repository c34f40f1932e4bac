package org.paperless.matching.internal;

import java.util.ArrayList;
import java.util.List;

import org.paperless.api.ClassifyingObject;
import org.paperless.api.Matching;
import org.paperless.api.matching.Matches;
import org.paperless.api.storage.CorrespondentRepository;
import org.paperless.api.storage.DocumentTypeRepository;
import org.paperless.api.storage.ObjectRepository;
import org.paperless.api.storage.StoragePathRepository;
import org.paperless.api.storage.TagRepository;

/** The rules of every object at one moment, in listing order: read once, applied to many texts. */
final class RuleSet {

    private record Rule(long id, Matching matching, String owner) {
    }

    private final List<Rule> correspondents;
    private final List<Rule> types;
    private final List<Rule> tags;
    private final List<Rule> paths;

    private RuleSet(List<Rule> correspondents, List<Rule> types, List<Rule> tags, List<Rule> paths) {
        this.correspondents = correspondents;
        this.types = types;
        this.tags = tags;
        this.paths = paths;
    }

    static RuleSet read(CorrespondentRepository correspondents, DocumentTypeRepository types, TagRepository tags,
            StoragePathRepository paths) {
        return new RuleSet(rules(correspondents), rules(types), rules(tags), rules(paths));
    }

    private static <T extends ClassifyingObject> List<Rule> rules(ObjectRepository<T> repository) {
        List<Rule> rules = new ArrayList<>();
        for (T object : repository.list()) {
            rules.add(new Rule(object.id(), object.matching(), repository.kind() + " '" + object.name() + "'"));
        }
        return rules;
    }

    Matches match(RuleMatcher matcher, String content) {
        DocumentText text = new DocumentText(content);
        return new Matches(matching(matcher, correspondents, text), matching(matcher, types, text),
                matching(matcher, tags, text), matching(matcher, paths, text));
    }

    private static List<Long> matching(RuleMatcher matcher, List<Rule> rules, DocumentText content) {
        List<Long> ids = new ArrayList<>();
        for (Rule rule : rules) {
            if (matcher.matches(rule.matching(), content, rule.owner())) {
                ids.add(rule.id());
            }
        }
        return ids;
    }
}
