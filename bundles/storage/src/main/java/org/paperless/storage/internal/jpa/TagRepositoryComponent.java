package org.paperless.storage.internal.jpa;

import java.util.HashMap;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.paperless.api.Tag;
import org.paperless.api.storage.SchemaMigrations;
import org.paperless.api.storage.TagRepository;
import org.paperless.storage.internal.entity.TagEntity;

/**
 * Tags nest: the parent must exist, no cycles, at most Tag.MAX_DEPTH levels. Deleting a tag re-parents
 * nothing: its children lose their parent and become top-level tags (foreign key ON DELETE SET NULL),
 * and documents lose the tag (ON DELETE CASCADE on document_tag).
 */
@Component(service = TagRepository.class)
public class TagRepositoryComponent extends ClassifyingRepository<Tag, TagEntity> implements TagRepository {

    /** @param migrations only referenced so that nothing uses JPA before the schema is current */
    @Activate
    public TagRepositoryComponent(@Reference(target = PersistenceUnit.TARGET) EntityManagerFactory factory,
            @Reference SchemaMigrations migrations) {
        super(factory, TagEntity.class, "tag");
    }

    @Override
    protected Tag toRecord(TagEntity e) {
        return new Tag(e.getId(), e.getName(), matching(e), e.getColor(), e.isInbox(), e.getParentId());
    }

    @Override
    protected void copyOwnFields(Tag tag, TagEntity entity) {
        entity.setColor(tag.color());
        entity.setInbox(tag.inbox());
        entity.setParentId(tag.parentId());
    }

    @Override
    protected void checkRules(EntityManager em, Tag tag) {
        Map<Long, Long> parents = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT t.id, t.parentId FROM TagEntity t", Object[].class).getResultList()) {
            parents.put((Long) row[0], (Long) row[1]);
        }
        new TagTree(parents).check(tag);
    }
}
