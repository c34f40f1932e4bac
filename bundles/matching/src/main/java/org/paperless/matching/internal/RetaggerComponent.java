package org.paperless.matching.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.paperless.api.matching.DocumentClassifier;
import org.paperless.api.ClassifyingObject;
import org.paperless.api.Document;
import org.paperless.api.MatchingAlgorithm;
import org.paperless.api.Tag;
import org.paperless.api.matching.Matches;
import org.paperless.api.matching.RetagReport;
import org.paperless.api.matching.RetagRequest;
import org.paperless.api.matching.Retagger;
import org.paperless.api.storage.CorrespondentRepository;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.storage.DocumentTypeRepository;
import org.paperless.api.storage.StoragePathRepository;
import org.paperless.api.storage.TagRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks the documents in batches and applies the rules as document_retagger does: without overwrite a set
 * field stays and only tags are added; several matches for a single-valued field assign nothing unless
 * the first may be used; with overwrite a field without a match is cleared, and tags that no longer match
 * go, except inbox tags and tags without a rule.
 */
@Component(service = Retagger.class)
public class RetaggerComponent implements Retagger {

    private static final Logger LOG = LoggerFactory.getLogger(RetaggerComponent.class);

    static final int BATCH = 500;

    private final DocumentRepository documents;
    private final RuleMatcher matcher = new RuleMatcher();
    private final ExecutorService workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
        Thread thread = new Thread(r, "paperless-retagger");
        thread.setDaemon(true);
        return thread;
    });
    /** Writes one batch while the next is read and matched: Derby writes on one core, matching uses all. */
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "paperless-retagger-writer");
        thread.setDaemon(true);
        return thread;
    });

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DocumentClassifier classifier;
    private final CorrespondentRepository correspondents;
    private final DocumentTypeRepository types;
    private final StoragePathRepository paths;
    private final TagRepository tags;

    @Activate
    public RetaggerComponent(@Reference DocumentRepository documents,
            @Reference CorrespondentRepository correspondents, @Reference DocumentTypeRepository types,
            @Reference StoragePathRepository paths, @Reference TagRepository tags) {
        this.documents = documents;
        this.correspondents = correspondents;
        this.types = types;
        this.paths = paths;
        this.tags = tags;
    }

    @Override
    public RetagReport retag(RetagRequest request, Progress progress) {
        if (!request.anything()) {
            return new RetagReport(0, List.of());
        }
        Names names = new Names(byId(correspondents.list()), byId(types.list()), byId(paths.list()), byId(tags.list()));
        Map<Long, Tag> allTags = tags.list().stream().collect(Collectors.toMap(Tag::id, Function.identity()));
        RuleSet rules = RuleSet.read(correspondents, types, tags, paths);
        long total = documents.count();
        long examined = 0;
        long seen = 0;
        List<RetagReport.Change> changes = new ArrayList<>();
        long after = request.fromId() == null ? 0 : request.fromId() - 1;
        DocumentClassifier currentClassifier = classifier;
        long started = System.nanoTime();
        long reading = 0;
        long matching = 0;
        long writing = 0;
        OrderedWrites writes = new OrderedWrites(writer);
        try {
            for (List<Document> batch = documents.listAfter(after, BATCH); !batch.isEmpty(); batch = documents.listAfter(after, BATCH)) {
                long t0 = System.nanoTime();
                reading += t0 - started;
                List<Document> selected = batch.stream()
                        .filter(d -> request.toId() == null || d.id() <= request.toId())
                        .filter(d -> !request.inboxOnly() || d.tagIds().stream().map(allTags::get).anyMatch(t -> t != null && t.inbox()))
                        .toList();
                List<Matches> matches = matchAll(selected, rules, currentClassifier);
                long t1 = System.nanoTime();
                matching += t1 - t0;
                List<Document> toStore = new ArrayList<>();
                for (int i = 0; i < selected.size(); i++) {
                    Document d = selected.get(i);
                    examined++;
                    List<RetagReport.Change> changed = new ArrayList<>();
                    Document updated = apply(d, matches.get(i), request, allTags, names, changed);
                    if (!changed.isEmpty()) {
                        changes.addAll(changed);
                        toStore.add(updated);
                    }
                }
                if (!request.suggest() && !toStore.isEmpty()) {
                    writes.submit(() -> documents.updateAll(toStore)); // one transaction per batch
                }
                started = System.nanoTime();
                writing += started - t1;
                seen += batch.size();
                after = batch.get(batch.size() - 1).id();
                if (progress != null) {
                    progress.update(seen, Math.max(seen, total));
                }
                if (selected.size() < batch.size() && request.toId() != null && after > request.toId()) {
                    break;
                }
            }
            long t2 = System.nanoTime();
            writes.finish();
            writing += System.nanoTime() - t2;
        } catch (RuntimeException e) {
            writes.finishAfter(e);
            throw e;
        }
        LOG.info("Retagger: {} documents, reading {} ms, matching {} ms, waiting for writes {} ms", examined,
                reading / 1_000_000, matching / 1_000_000, writing / 1_000_000);
        return new RetagReport(examined, changes);
    }

    /** Matching is pure computation: the documents of a batch are matched on every core at once. */
    private List<Matches> matchAll(List<Document> batch, RuleSet rules, DocumentClassifier classifier) {
        List<Future<Matches>> futures = new ArrayList<>();
        for (Document d : batch) {
            futures.add(workers.submit(() -> MatcherComponent.withPredictions(rules.match(matcher, d.content()),
                    classifier, d.content())));
        }
        List<Matches> results = new ArrayList<>();
        try {
            for (Future<Matches> f : futures) {
                results.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The retagger was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Matching failed: " + e.getCause(), e.getCause());
        } finally {
            futures.forEach(f -> f.cancel(true));
        }
        return results;
    }

    @Deactivate
    void deactivate() {
        workers.shutdownNow();
        writer.shutdownNow();
    }

    private Document apply(Document d, Matches m, RetagRequest r, Map<Long, Tag> allTags, Names names,
            List<RetagReport.Change> changes) {
        Long correspondent = r.correspondent() ? single(d.correspondentId(), m.correspondents(), r) : d.correspondentId();
        Long type = r.documentType() ? single(d.documentTypeId(), m.documentTypes(), r) : d.documentTypeId();
        Long path = r.storagePath() ? single(d.storagePathId(), m.storagePaths(), r) : d.storagePathId();
        Set<Long> tagIds = r.tags() ? tags(d.tagIds(), m.tags(), r.overwrite(), allTags) : d.tagIds();
        note(changes, d, "Correspondent", d.correspondentId(), correspondent, names.correspondents());
        note(changes, d, "Document type", d.documentTypeId(), type, names.types());
        note(changes, d, "Storage path", d.storagePathId(), path, names.paths());
        if (!tagIds.equals(d.tagIds())) {
            changes.add(new RetagReport.Change(d.id(), d.title(), "Tags", tagNames(d.tagIds(), names.tags()),
                    tagNames(tagIds, names.tags())));
        }
        return new Document(d.id(), d.title(), d.content(), correspondent, type, path, tagIds, d.created(),
                d.modified(), d.added(), d.checksum(), d.archiveChecksum(), d.archiveSerialNumber(), d.filename(),
                d.archiveFilename(), d.originalFilename(), d.mimeType(), d.pageCount(), d.owner(), d.notes(),
                d.customFields());
    }

    /** document_retagger's set_correspondent / set_document_type / set_storage_path. */
    private static Long single(Long current, List<Long> matched, RetagRequest r) {
        if (current != null && !r.overwrite()) {
            return current;
        }
        if (matched.size() > 1 && !r.useFirst()) {
            return current;
        }
        Long selected = matched.isEmpty() ? null : matched.get(0);
        return selected != null || r.overwrite() ? selected : current;
    }

    /** document_retagger's set_tags: with overwrite only inbox tags and tags without a rule survive unmatched. */
    private static Set<Long> tags(Set<Long> current, List<Long> matched, boolean overwrite, Map<Long, Tag> allTags) {
        Set<Long> result = new LinkedHashSet<>();
        for (Long id : current) {
            Tag tag = allTags.get(id);
            if (!overwrite || tag == null || tag.inbox() || manual(tag)) {
                result.add(id);
            }
        }
        result.addAll(matched);
        return result;
    }

    private static boolean manual(Tag tag) {
        return tag.matching() == null || (tag.matching().match() == null || tag.matching().match().isBlank())
                && tag.matching().algorithm() != MatchingAlgorithm.AUTO;
    }

    private static void note(List<RetagReport.Change> changes, Document d, String field, Long before, Long after,
            Map<Long, String> names) {
        if (!java.util.Objects.equals(before, after)) {
            changes.add(new RetagReport.Change(d.id(), d.title(), field, name(before, names), name(after, names)));
        }
    }

    private static String name(Long id, Map<Long, String> names) {
        return id == null ? "" : names.getOrDefault(id, "#" + id);
    }

    private static String tagNames(Set<Long> ids, Map<Long, String> names) {
        return ids.stream().map(id -> names.getOrDefault(id, "#" + id)).sorted(Comparator.naturalOrder())
                .collect(Collectors.joining(", "));
    }

    private static <T extends ClassifyingObject> Map<Long, String> byId(List<T> objects) {
        return objects.stream().collect(Collectors.toMap(ClassifyingObject::id, ClassifyingObject::name));
    }

    private record Names(Map<Long, String> correspondents, Map<Long, String> types, Map<Long, String> paths,
            Map<Long, String> tags) {
    }
}
