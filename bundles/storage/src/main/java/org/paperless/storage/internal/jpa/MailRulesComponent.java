package org.paperless.storage.internal.jpa;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.paperless.api.ConflictException;
import org.paperless.api.NotFoundException;
import org.paperless.api.mail.MailRule;
import org.paperless.api.mail.MailRules;
import org.paperless.api.storage.SchemaMigrations;
import org.paperless.storage.internal.entity.CorrespondentEntity;
import org.paperless.storage.internal.entity.DocumentTypeEntity;
import org.paperless.storage.internal.entity.MailAccountEntity;
import org.paperless.storage.internal.entity.MailRuleEntity;

/**
 * Mail rules. A rule names an account, tags, a type and a correspondent that must exist when it is
 * stored; afterwards the foreign keys keep it right: a deleted tag leaves the rule, a deleted type or
 * correspondent is cleared (a CUSTOM correspondent then reads as NOTHING). Tags come back sorted by id.
 */
@Component(service = MailRules.class)
public class MailRulesComponent implements MailRules {

    private final Transactions transactions;

    /** @param migrations only referenced so that nothing uses JPA before the schema is current */
    @Activate
    public MailRulesComponent(@Reference(target = PersistenceUnit.TARGET) EntityManagerFactory factory,
            @Reference SchemaMigrations migrations) {
        this.transactions = new Transactions(factory);
    }

    @Override
    public List<MailRule> list() {
        return transactions.read(em -> {
            Map<Long, String> accounts = em.createQuery("SELECT a.id, a.name FROM MailAccountEntity a", Object[].class)
                    .getResultList().stream().collect(Collectors.toMap(row -> (Long) row[0], row -> (String) row[1]));
            Comparator<MailRule> byAccount = Comparator.comparing(r -> accounts.getOrDefault(r.accountId(), ""),
                    String.CASE_INSENSITIVE_ORDER);
            return em.createQuery("SELECT r FROM MailRuleEntity r", MailRuleEntity.class).getResultList().stream()
                    .map(MailRulesComponent::toRecord)
                    .sorted(byAccount.thenComparingLong(MailRule::accountId).thenComparingInt(MailRule::order)
                            .thenComparing(MailRule::id))
                    .toList();
        });
    }

    @Override
    public List<MailRule> listFor(long accountId) {
        return transactions.read(em -> em.createQuery("SELECT r FROM MailRuleEntity r WHERE r.accountId = :account "
                        + "ORDER BY r.ruleOrder, r.id", MailRuleEntity.class)
                .setParameter("account", accountId).getResultList().stream().map(MailRulesComponent::toRecord).toList());
    }

    @Override
    public Optional<MailRule> find(long id) {
        return transactions.read(em -> Optional.ofNullable(em.find(MailRuleEntity.class, id))
                .map(MailRulesComponent::toRecord));
    }

    @Override
    public Optional<MailRule> findByName(String name) {
        return transactions.read(em -> byName(em, name).map(MailRulesComponent::toRecord));
    }

    @Override
    public MailRule create(MailRule rule) {
        if (rule.id() != null) {
            throw new IllegalArgumentException("a new mail rule has no id yet (got " + rule.id() + ")");
        }
        checkLengths(rule);
        return transactions.callApart(em -> {
            checkUniqueName(em, rule);
            checkReferences(em, rule);
            MailRuleEntity entity = new MailRuleEntity();
            copy(rule, entity);
            em.persist(entity);
            em.flush();
            return toRecord(entity);
        });
    }

    @Override
    public MailRule update(MailRule rule) {
        if (rule.id() == null) {
            throw new IllegalArgumentException("which mail rule to update? The id is missing");
        }
        checkLengths(rule);
        return transactions.callApart(em -> {
            MailRuleEntity entity = existing(em, rule.id());
            checkUniqueName(em, rule);
            checkReferences(em, rule);
            copy(rule, entity);
            em.flush();
            return toRecord(entity);
        });
    }

    @Override
    public void delete(long id) {
        transactions.callApart(em -> {
            em.remove(existing(em, id));
            return null;
        });
    }

    private static MailRule toRecord(MailRuleEntity e) {
        MailRule.CorrespondentSource source = MailRule.CorrespondentSource.valueOf(e.getCorrespondentSource());
        if (source == MailRule.CorrespondentSource.CUSTOM && e.getCorrespondentId() == null) {
            source = MailRule.CorrespondentSource.NOTHING; // its correspondent was deleted
        }
        return new MailRule(e.getId(), e.getAccountId(), e.getName(), e.getRuleOrder(), e.isEnabled(), e.getFolder(),
                e.getFilterFrom(), e.getFilterTo(), e.getFilterSubject(), e.getFilterBody(), e.getAttachmentInclude(),
                e.getAttachmentExclude(), e.getMaximumAgeDays(), MailRule.AttachmentType.valueOf(e.getAttachmentType()),
                MailRule.Scope.valueOf(e.getConsumptionScope()), MailRule.TitleSource.valueOf(e.getTitleSource()),
                source, e.getCorrespondentId(), e.getDocumentTypeId(), List.copyOf(new TreeSet<>(e.getTagIds())),
                MailRule.Action.valueOf(e.getMailAction()), e.getActionParameter(), e.isStopProcessing());
    }

    private static void copy(MailRule rule, MailRuleEntity entity) {
        entity.setAccountId(rule.accountId());
        entity.setName(rule.name());
        entity.setRuleOrder(rule.order());
        entity.setEnabled(rule.enabled());
        entity.setFolder(rule.folder());
        entity.setFilterFrom(rule.filterFrom());
        entity.setFilterTo(rule.filterTo());
        entity.setFilterSubject(rule.filterSubject());
        entity.setFilterBody(rule.filterBody());
        entity.setAttachmentInclude(rule.attachmentInclude());
        entity.setAttachmentExclude(rule.attachmentExclude());
        entity.setMaximumAgeDays(rule.maximumAgeDays());
        entity.setAttachmentType(rule.attachmentType().name());
        entity.setConsumptionScope(rule.scope().name());
        entity.setTitleSource(rule.titleFrom().name());
        entity.setCorrespondentSource(rule.correspondentFrom().name());
        entity.setCorrespondentId(rule.correspondentId());
        entity.setDocumentTypeId(rule.documentTypeId());
        entity.setTagIds(new HashSet<>(rule.tagIds()));
        entity.setMailAction(rule.action().name());
        entity.setActionParameter(rule.actionParameter());
        entity.setStopProcessing(rule.stopProcessing());
    }

    /** Checked here, in the writing transaction, so the message names what is missing (not a foreign key). */
    private static void checkReferences(EntityManager em, MailRule rule) {
        if (em.find(MailAccountEntity.class, rule.accountId()) == null) {
            throw new NotFoundException("No mail account with id " + rule.accountId());
        }
        if (rule.correspondentId() != null && em.find(CorrespondentEntity.class, rule.correspondentId()) == null) {
            throw new NotFoundException("No correspondent with id " + rule.correspondentId());
        }
        if (rule.documentTypeId() != null && em.find(DocumentTypeEntity.class, rule.documentTypeId()) == null) {
            throw new NotFoundException("No document type with id " + rule.documentTypeId());
        }
        if (!rule.tagIds().isEmpty()) {
            Set<Long> missing = new TreeSet<>(rule.tagIds());
            missing.removeAll(em.createQuery("SELECT t.id FROM TagEntity t WHERE t.id IN :ids", Long.class)
                    .setParameter("ids", List.copyOf(missing)).getResultList());
            if (!missing.isEmpty()) {
                throw new NotFoundException("No tag with id " + missing.stream().map(String::valueOf)
                        .collect(Collectors.joining(", ")));
            }
        }
    }

    private static void checkLengths(MailRule rule) {
        requireLength(rule.folder(), MailRuleEntity.FOLDER_LENGTH, "folder");
        requireLength(rule.actionParameter(), MailRuleEntity.FOLDER_LENGTH, "action parameter");
        requireLength(rule.filterFrom(), MailRuleEntity.FILTER_LENGTH, "sender filter");
        requireLength(rule.filterTo(), MailRuleEntity.FILTER_LENGTH, "recipient filter");
        requireLength(rule.filterSubject(), MailRuleEntity.FILTER_LENGTH, "subject filter");
        requireLength(rule.filterBody(), MailRuleEntity.FILTER_LENGTH, "body filter");
        requireLength(rule.attachmentInclude(), MailRuleEntity.FILTER_LENGTH, "attachment include pattern");
        requireLength(rule.attachmentExclude(), MailRuleEntity.FILTER_LENGTH, "attachment exclude pattern");
    }

    private static void requireLength(String value, int max, String what) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException("The " + what + " is longer than " + max + " characters");
        }
    }

    private static MailRuleEntity existing(EntityManager em, long id) {
        MailRuleEntity entity = em.find(MailRuleEntity.class, id);
        if (entity == null) {
            throw new NotFoundException("No mail rule with id " + id);
        }
        return entity;
    }

    private static void checkUniqueName(EntityManager em, MailRule rule) {
        byName(em, rule.name())
                .filter(other -> !other.getId().equals(rule.id()))
                .ifPresent(other -> {
                    throw new ConflictException("A mail rule named '" + other.getName() + "' already exists (id "
                            + other.getId() + ")");
                });
    }

    private static Optional<MailRuleEntity> byName(EntityManager em, String name) {
        return em.createQuery("SELECT r FROM MailRuleEntity r WHERE LOWER(r.name) = :name", MailRuleEntity.class)
                .setParameter("name", name.strip().toLowerCase(Locale.ROOT))
                .getResultList().stream().findFirst();
    }
}
