package org.paperless.matching.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
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

    @Override
    public Matches match(String content) {
        return RuleSet.read(correspondents, types, tags, paths).match(matcher, content);
    }
}
