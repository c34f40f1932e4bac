package org.paperless.matching.internal.classifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.paperless.api.ClassifyingObject;
import org.paperless.api.Document;
import org.paperless.api.MatchingAlgorithm;
import org.paperless.api.Tag;
import org.paperless.api.matching.DocumentClassifier;
import org.paperless.api.matching.Matches;
import org.paperless.api.storage.CorrespondentRepository;
import org.paperless.api.storage.DataFolders;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.storage.DocumentTypeRepository;
import org.paperless.api.storage.ObjectRepository;
import org.paperless.api.storage.StoragePathRepository;
import org.paperless.api.storage.TagRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The auto classifier as a service: the model under data/classifier, signed with a key beside it; trained
 * on the documents without inbox tags, again only when documents or AUTO objects changed; a model that
 * fails its signature or format check is discarded and trained anew, never loaded. Training runs when
 * asked: by paperless:classifier-train, and hourly by the maintenance bundle's schedule
 * (PAPERLESS_TRAIN_TASK_CRON).
 */
@Component(service = DocumentClassifier.class, configurationPid = ClassifierComponent.PID)
@Designate(ocd = ClassifierConfig.class)
public class ClassifierComponent implements DocumentClassifier {

    static final String PID = "org.paperless.classifier";
    static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(ClassifierComponent.class);

    private final DocumentRepository documents;
    private final CorrespondentRepository correspondents;
    private final DocumentTypeRepository types;
    private final StoragePathRepository paths;
    private final TagRepository tags;
    private final Path modelFile;
    private final byte[] key;
    private final double minConfidence;
    private final int maxDocuments;
    private volatile Predictor predictor;

    @Activate
    public ClassifierComponent(@Reference DocumentRepository documents, @Reference DataFolders folders,
            @Reference CorrespondentRepository correspondents, @Reference DocumentTypeRepository types,
            @Reference StoragePathRepository paths, @Reference TagRepository tags, ClassifierConfig config)
            throws IOException {
        this.documents = documents;
        this.correspondents = correspondents;
        this.types = types;
        this.paths = paths;
        this.tags = tags;
        Path folder = Files.createDirectories(folders.data().resolve("classifier"));
        this.modelFile = folder.resolve("model.bin");
        this.key = key(folder.resolve("hmac.key"));
        this.minConfidence = config.minConfidence();
        this.maxDocuments = Math.max(1, config.maxDocuments());
        this.predictor = load();
    }

    @Override
    public Matches predict(String content) {
        Predictor current = predictor;
        return current == null ? Matches.NONE : current.predict(content);
    }

    @Override
    public synchronized TrainingResult train(boolean force) {
        long start = System.nanoTime();
        Map<Long, Tag> allTags = tags.list().stream().collect(Collectors.toMap(Tag::id, Function.identity()));
        Set<Long> autoCorrespondents = auto(correspondents);
        Set<Long> autoTypes = auto(types);
        Set<Long> autoPaths = auto(paths);
        Set<Long> autoTags = auto(tags);
        String fingerprint = documents.count() + "|" + documents.lastModified().map(Object::toString).orElse("-")
                + "|c" + autoCorrespondents + "|t" + autoTypes + "|p" + autoPaths + "|g" + autoTags;
        Predictor current = predictor;
        if (!force && current != null && current.model().fingerprint().equals(fingerprint)) {
            return new TrainingResult(false, 0, millis(start), "nothing changed since the last training");
        }
        if (autoCorrespondents.isEmpty() && autoTypes.isEmpty() && autoPaths.isEmpty() && autoTags.isEmpty()) {
            return new TrainingResult(false, 0, millis(start), "no correspondent, type, storage path or tag uses the auto algorithm");
        }
        List<Trainer.Example> examples = examples(allTags, autoCorrespondents, autoTypes, autoPaths, autoTags);
        if (examples.isEmpty()) {
            return new TrainingResult(false, 0, millis(start), "no document without an inbox tag to learn from");
        }
        ClassifierModel model = Trainer.train(examples, fingerprint, autoTags);
        try {
            save(model);
        } catch (IOException e) {
            throw new IllegalStateException("The classifier was trained but cannot be saved: " + e.getMessage(), e);
        }
        predictor = new Predictor(model, minConfidence);
        return new TrainingResult(true, examples.size(), millis(start), examples.size() + " documents, "
                + model.vocabulary().length + " terms, " + model.models().size() + " models");
    }

    /** The newest documents without an inbox tag, with their AUTO assignments, walked in batches. */
    private List<Trainer.Example> examples(Map<Long, Tag> allTags, Set<Long> c, Set<Long> t, Set<Long> p, Set<Long> g) {
        Deque<Trainer.Example> newest = new ArrayDeque<>();
        long after = 0;
        for (List<Document> batch = documents.listAfter(after, BATCH); !batch.isEmpty(); batch = documents.listAfter(after, BATCH)) {
            for (Document d : batch) {
                if (d.tagIds().stream().map(allTags::get).anyMatch(tag -> tag != null && tag.inbox())) {
                    continue;
                }
                Set<Long> autoTags = new HashSet<>(d.tagIds());
                autoTags.retainAll(g);
                newest.addLast(new Trainer.Example(d.content(), label(d.correspondentId(), c), label(d.documentTypeId(), t),
                        label(d.storagePathId(), p), autoTags));
                if (newest.size() > maxDocuments) {
                    newest.removeFirst();
                }
            }
            after = batch.get(batch.size() - 1).id();
        }
        return new ArrayList<>(newest);
    }

    private static long label(Long id, Set<Long> auto) {
        return id != null && auto.contains(id) ? id : Trainer.NONE;
    }

    private static <T extends ClassifyingObject> Set<Long> auto(ObjectRepository<T> repository) {
        Set<Long> ids = new TreeSet<>();
        for (T object : repository.list()) {
            if (object.matching() != null && object.matching().algorithm() == MatchingAlgorithm.AUTO) {
                ids.add(object.id());
            }
        }
        return ids;
    }

    private Predictor load() {
        if (!Files.exists(modelFile)) {
            return null;
        }
        try {
            return new Predictor(ClassifierModel.fromSignedBytes(Files.readAllBytes(modelFile), key), minConfidence);
        } catch (IOException e) {
            LOG.warn("Discarding the classifier model {}: {}; a new one is trained", modelFile, e.getMessage());
            try {
                Files.deleteIfExists(modelFile);
            } catch (IOException ignored) {
                // the next training replaces it anyway
            }
            return null;
        }
    }

    private void save(ClassifierModel model) throws IOException {
        Path temp = modelFile.resolveSibling("model.bin.tmp");
        Files.write(temp, model.toSignedBytes(key));
        Files.move(temp, modelFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The signing key: 32 random bytes, readable by the owner only, made on first use. */
    private static byte[] key(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temp, key);
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the data folder's own permissions protect it
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        }
        return Files.readAllBytes(file);
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
