package org.paperless.consumer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.paperless.api.ClassifyingObject;
import org.paperless.api.Document;
import org.paperless.api.StoragePath;
import org.paperless.api.Tag;
import org.paperless.api.naming.DocumentNaming;
import org.paperless.api.storage.CorrespondentRepository;
import org.paperless.api.storage.DocumentTypeRepository;
import org.paperless.api.storage.StoragePathRepository;
import org.paperless.api.storage.TagRepository;
import org.paperless.consumer.internal.naming.OriginalStems;

/**
 * The filename format of consumption (same configuration), offered to the renamer: a stored document's
 * stem from the current names of its correspondent, type, tags and storage path.
 */
@Component(service = DocumentNaming.class, configurationPid = ConsumerConfig.PID)
public class NamingComponent implements DocumentNaming {

    private final OriginalStems stems;
    private final CorrespondentRepository correspondents;
    private final DocumentTypeRepository types;
    private final TagRepository tags;
    private final StoragePathRepository paths;

    @Activate
    public NamingComponent(@Reference CorrespondentRepository correspondents, @Reference DocumentTypeRepository types,
            @Reference TagRepository tags, @Reference StoragePathRepository paths, ConsumerConfig config) {
        this.stems = new OriginalStems(ConsumerComponent.filenameFormat(config, System.getenv()));
        this.correspondents = correspondents;
        this.types = types;
        this.tags = tags;
        this.paths = paths;
    }

    @Override
    public List<String> originalStems(List<Document> documents) {
        Map<Long, String> correspondentNames = names(correspondents.list());
        Map<Long, String> typeNames = names(types.list());
        Map<Long, Tag> tagsById = byId(tags.list());
        Map<Long, StoragePath> pathsById = byId(paths.list());
        List<String> result = new ArrayList<>(documents.size());
        for (Document d : documents) {
            List<String> tagNames = d.tagIds().stream().map(tagsById::get).filter(Objects::nonNull).map(Tag::name)
                    .sorted().toList();
            StoragePath path = d.storagePathId() == null ? null : pathsById.get(d.storagePathId());
            try {
                result.add(stems.stem(d, path, name(correspondentNames, d.correspondentId()),
                        name(typeNames, d.documentTypeId()), tagNames));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Document " + d.id() + ": " + e.getMessage(), e);
            }
        }
        return result;
    }

    private static String name(Map<Long, String> names, Long id) {
        return id == null ? null : names.get(id);
    }

    private static <T extends ClassifyingObject> Map<Long, String> names(List<T> objects) {
        return objects.stream().collect(Collectors.toMap(ClassifyingObject::id, ClassifyingObject::name));
    }

    private static <T extends ClassifyingObject> Map<Long, T> byId(List<T> objects) {
        return objects.stream().collect(Collectors.toMap(ClassifyingObject::id, Function.identity()));
    }
}
