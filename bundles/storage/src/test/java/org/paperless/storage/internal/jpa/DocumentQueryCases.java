package org.paperless.storage.internal.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperless.api.Correspondent;
import org.paperless.api.Document;
import org.paperless.api.Matching;
import org.paperless.api.Tag;
import org.paperless.api.security.Access;
import org.paperless.api.security.Grants;
import org.paperless.api.security.ObjectType;
import org.paperless.api.storage.DocumentQuery.Contains;
import org.paperless.api.storage.DocumentQuery.Criterion;
import org.paperless.api.storage.DocumentQuery.DateField;
import org.paperless.api.storage.DocumentQuery.DateRange;
import org.paperless.api.storage.DocumentQuery.Order;
import org.paperless.api.storage.DocumentQuery.OrderField;
import org.paperless.api.storage.DocumentQuery.Reference;
import org.paperless.api.storage.DocumentQuery.ReferenceIn;
import org.paperless.api.storage.DocumentQuery.ReferenceIsNull;
import org.paperless.api.storage.DocumentQuery.SerialNumber;
import org.paperless.api.storage.DocumentQuery.Tagged;
import org.paperless.api.storage.DocumentQuery.TagsAll;
import org.paperless.api.storage.DocumentQuery.TagsAny;
import org.paperless.api.storage.DocumentQuery.TagsNone;
import org.paperless.api.storage.DocumentQuery.TextField;
import org.paperless.api.storage.DocumentQuery;
import org.paperless.storage.internal.testsupport.Engine;

/** Filters, orders and pages of the document list, answered by a real database. */
abstract class DocumentQueryCases extends org.paperless.storage.internal.testsupport.DatabaseTestBase {

    private StoredDocuments stored;
    private long a;
    private long b;
    private long c;
    private long d;
    private long acme;
    private long zeta;
    private long t1;
    private long t2;
    private long t3;

    DocumentQueryCases(Engine engine) {
        super(engine);
    }

    @BeforeEach
    void setUp() throws Exception {
        stored = new StoredDocuments(db.dataSource(), tempDir);
        CorrespondentRepositoryComponent correspondents = new CorrespondentRepositoryComponent(stored.factory(),
                stored.migrations());
        acme = correspondents.create(new Correspondent(null, "Acme", Matching.DEFAULT)).id();
        zeta = correspondents.create(new Correspondent(null, "zeta", Matching.DEFAULT)).id();
        TagRepositoryComponent tags = new TagRepositoryComponent(stored.factory(), stored.migrations());
        t1 = tags.create(new Tag(null, "one", null, null, false, null)).id();
        t2 = tags.create(new Tag(null, "two", null, null, false, null)).id();
        t3 = tags.create(new Tag(null, "three", null, null, false, null)).id();
        a = store("Invoice 100% paid", "electricity bill", acme, Set.of(t1, t2), LocalDate.of(2024, 1, 10), 7L);
        b = store("insurance letter", "the premium rises", zeta, Set.of(t2), LocalDate.of(2024, 3, 1), null);
        c = store("Receipt_2024", "groceries", null, Set.of(), LocalDate.of(2023, 12, 31), 3L);
        d = store("Tax return", "INVOICE attached", acme, Set.of(t3), null, null);
        stored.repository.moveToTrash(List.of(store("Trashed invoice", "invoice", acme, Set.of(t1), null, null)));
    }

    @AfterEach
    void tearDown() {
        // Null when the database was not there (PostgreSQL unset): the test is skipped, not failed.
        if (stored != null) {
            stored.close();
        }
    }

    private long store(String title, String content, Long correspondent, Set<Long> tags, LocalDate created, Long asn) {
        return stored.repository.create(new Document(null, title, content, correspondent, null, null, tags, created,
                null, null, "sum-" + title, null, asn, null, null, title + ".pdf", "application/pdf", 1, null, null,
                null)).id();
    }

    private List<Long> ids(List<Order> order, Criterion... criteria) {
        return stored.repository.query(new DocumentQuery(List.of(criteria), order, 0, 100, false)).documents()
                .stream().map(Document::id).toList();
    }

    private List<Long> ids(Criterion... criteria) {
        return ids(List.of(), criteria);
    }

    @Test
    void everyLiveDocumentByIdWithoutCriteria() {
        assertEquals(List.of(a, b, c, d), ids());
    }

    @Test
    void textContainsIgnoresCaseAndTakesWildcardsLiterally() {
        assertEquals(List.of(a), ids(new Contains(TextField.TITLE, "INVOICE")));
        assertEquals(List.of(a, d), ids(new Contains(TextField.TITLE_OR_CONTENT, "invoice")));
        assertEquals(List.of(d), ids(new Contains(TextField.CONTENT, "Invoice")));
        assertEquals(List.of(a), ids(new Contains(TextField.TITLE, "100%")));
        assertEquals(List.of(), ids(new Contains(TextField.TITLE, "1%0")));
        assertEquals(List.of(c), ids(new Contains(TextField.TITLE, "_2024")));
        assertEquals(List.of(), ids(new Contains(TextField.TITLE, "t_x")));
        assertEquals(List.of(), ids(new Contains(TextField.TITLE, "' OR 1=1 --")));
    }

    @Test
    void referencesAndTheirAbsence() {
        assertEquals(List.of(a, d), ids(new ReferenceIn(Reference.CORRESPONDENT, Set.of(acme))));
        assertEquals(List.of(a, b, d), ids(new ReferenceIn(Reference.CORRESPONDENT, Set.of(acme, zeta))));
        assertEquals(List.of(c), ids(new ReferenceIsNull(Reference.CORRESPONDENT, true)));
        assertEquals(List.of(), ids(new ReferenceIn(Reference.CORRESPONDENT, Set.of())));
        assertEquals(List.of(b, c), ids(new DocumentQuery.ReferenceNotIn(Reference.CORRESPONDENT, Set.of(acme))));
    }

    @Test
    void tagsAllAnyNoneAndTagged() {
        assertEquals(List.of(a), ids(new TagsAll(Set.of(t1, t2))));
        assertEquals(List.of(a, b, d), ids(new TagsAny(Set.of(t2, t3))));
        assertEquals(List.of(c, d), ids(new TagsNone(Set.of(t2))));
        assertEquals(List.of(c), ids(new Tagged(false)));
        assertEquals(List.of(a, b, d), ids(new Tagged(true)));
        assertEquals(List.of(b), ids(new TagsAny(Set.of(t2)), new TagsNone(Set.of(t1))));
    }

    @Test
    void datesAreExclusiveBoundsAndSerialNumbersMatchExactly() {
        assertEquals(List.of(b), ids(new DateRange(DateField.CREATED, LocalDate.of(2024, 1, 10), null)));
        assertEquals(List.of(c, a), ids(List.of(new Order(OrderField.CREATED, false)),
                new DateRange(DateField.CREATED, null, LocalDate.of(2024, 3, 1))));
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        assertEquals(List.of(a, b, c, d), ids(new DateRange(DateField.ADDED, today.minusDays(2), today.plusDays(2))));
        assertEquals(List.of(), ids(new DateRange(DateField.ADDED, today.plusDays(1), null)));
        assertEquals(List.of(a), ids(new SerialNumber(7)));
    }

    @Test
    void ordersByFieldsAndNamesWithTheIdBreakingTies() {
        assertEquals(List.of(b, a, c, d), ids(List.of(new Order(OrderField.TITLE, false))));
        assertEquals(List.of(d, c, a, b), ids(List.of(new Order(OrderField.TITLE, true))));
        // Acme before zeta whatever the case; the id orders the two of Acme.
        assertEquals(List.of(a, d, b, c), ids(List.of(new Order(OrderField.CORRESPONDENT_NAME, false))));
        assertEquals(List.of(a, c), ids(List.of(new Order(OrderField.ARCHIVE_SERIAL_NUMBER, true)),
                new DocumentQuery.SerialNumberIsNull(false)));
    }

    @Test
    void pagesCountEveryMatchAndListAllIds() {
        DocumentQuery.Page page = stored.repository.query(new DocumentQuery(List.of(new Tagged(true)),
                List.of(new Order(OrderField.ID, true)), 1, 1, true));
        assertEquals(3, page.count());
        assertEquals(List.of(b), page.documents().stream().map(Document::id).toList());
        assertEquals(List.of(d, b, a), page.allIds());
        DocumentQuery.Page beyond = stored.repository.query(new DocumentQuery(List.of(), List.of(), 10, 5, false));
        assertEquals(4, beyond.count());
        assertEquals(List.of(), beyond.documents());
    }

    @Test
    void aPageCarriesTheNotesOfItsDocumentsOnly() {
        stored.repository.addNote(a, "first", "admin");
        stored.repository.addNote(d, "fourth", "admin");
        stored.repository.addNote(c, "third, not on the page", "admin");
        List<Document> page = stored.repository.query(new DocumentQuery(List.of(new DocumentQuery.IdIn(Set.of(a, b, d))),
                List.of(new Order(OrderField.ID, true)), 0, 10, false)).documents();
        assertEquals(List.of(d, b, a), page.stream().map(Document::id).toList());
        assertEquals(List.of("fourth"), page.get(0).notes().stream().map(org.paperless.api.Note::text).toList());
        assertEquals(List.of(), page.get(1).notes());
        assertEquals(List.of("first"), page.get(2).notes().stream().map(org.paperless.api.Note::text).toList());
    }

    @Test
    void keptListsAndPagesFollowEveryWrite() {
        Criterion inOne = new TagsAll(Set.of(t1));
        List<Order> byTitle = List.of(new Order(OrderField.TITLE, false));
        assertEquals(List.of(a), ids(byTitle, inOne));
        long before = StoreChanges.generation();
        ids(byTitle, inOne);
        stored.repository.find(a);
        new PermissionRepositoryComponent(db.dataSource(), stored.migrations()).access(ObjectType.DOCUMENT, List.of(a, b));
        assertEquals(before, StoreChanges.generation(), "reads leave kept answers valid");
        new TaskLogComponent(stored.factory(), stored.migrations()).record(new org.paperless.api.tasks.TaskRecord(null,
                org.paperless.api.tasks.TaskRecord.Kind.SCHEDULED, "mail-fetch", java.time.Instant.now(),
                java.time.Instant.now(), true, null, "No mail account"));
        assertEquals(before, StoreChanges.generation(), "a scheduled job's task record leaves kept lists valid");

        stored.repository.update(retitled(stored.repository.find(b).orElseThrow(), "insurance letter", Set.of(t1, t2)));
        assertEquals(List.of(b, a), ids(byTitle, inOne), "a change through JPA");
        stored.repository.updateAll(List.of(retitled(stored.repository.find(d).orElseThrow(), "Another tax return", Set.of(t1))));
        assertEquals(List.of(d, b, a), ids(byTitle, inOne), "a change through JDBC (the retagger's way)");
        assertEquals("Another tax return", page(inOne).get(0).title(), "the kept page shows the new title");

        stored.repository.addNote(d, "a note", "admin");
        assertEquals(List.of("a note"), page(inOne).get(0).notes().stream().map(org.paperless.api.Note::text).toList());

        List<Order> byCorrespondent = List.of(new Order(OrderField.CORRESPONDENT_NAME, false), new Order(OrderField.ID, false));
        assertEquals(List.of(a, d, b), ids(byCorrespondent, inOne));
        CorrespondentRepositoryComponent correspondents = new CorrespondentRepositoryComponent(stored.factory(),
                stored.migrations());
        correspondents.update(new Correspondent(acme, "Zulu", Matching.DEFAULT));
        assertEquals(List.of(b, a, d), ids(byCorrespondent, inOne), "a renamed correspondent sorts anew");

        stored.repository.moveToTrash(List.of(a));
        assertEquals(List.of(d, b), ids(byTitle, inOne));
        stored.repository.restore(List.of(a));
        assertEquals(List.of(d, b, a), ids(byTitle, inOne));

        PermissionRepositoryComponent permissions = new PermissionRepositoryComponent(db.dataSource(), stored.migrations());
        assertEquals(Access.PUBLIC, permissions.access(ObjectType.DOCUMENT, List.of(a)).getOrDefault(a, Access.PUBLIC));
        permissions.setGrants(ObjectType.DOCUMENT, List.of(a), new Grants(Set.of("alice"), Set.of(), Set.of(), Set.of()));
        assertEquals(Set.of("alice"), permissions.access(ObjectType.DOCUMENT, List.of(a)).get(a).grants().viewUsers(),
                "kept access follows a grant");
    }

    private List<Document> page(Criterion criterion) {
        return stored.repository.query(new DocumentQuery(List.of(criterion), List.of(new Order(OrderField.TITLE, false)),
                0, 10, false)).documents();
    }

    private static Document retitled(Document d, String title, Set<Long> tags) {
        return new Document(d.id(), title, d.content(), d.correspondentId(), d.documentTypeId(), d.storagePathId(), tags,
                d.created(), d.modified(), d.added(), d.checksum(), d.archiveChecksum(), d.archiveSerialNumber(),
                d.filename(), d.archiveFilename(), d.originalFilename(), d.mimeType(), d.pageCount(), d.owner(),
                d.notes(), d.customFields());
    }

    @Test
    void aUserSeesUnownedDocumentsAndTheirOwn() {
        Document owned = stored.repository.create(new Document(null, "Bob's payslip", "salary", null, null, null, null,
                null, null, null, "sum-bob", null, null, null, null, "payslip.pdf", "application/pdf", 1, "bob", null, null));
        assertEquals(List.of(a, b, c, d, owned.id()), ids(new DocumentQuery.VisibleTo("bob")));
        assertEquals(List.of(a, b, c, d), ids(new DocumentQuery.VisibleTo("alice")));
        assertEquals(List.of(), ids(new DocumentQuery.VisibleTo("alice"), new Contains(TextField.TITLE, "payslip")));
    }

    @Test
    void sharedDocumentsAreSeenByTheUsersAndGroupsTheyAreSharedWith() {
        PermissionRepositoryComponent permissions = new PermissionRepositoryComponent(db.dataSource(), stored.migrations());
        long payslip = stored.repository.create(new Document(null, "Bob's payslip", "salary", null, null, null, null,
                null, null, null, "sum-bob", null, null, null, null, "payslip.pdf", "application/pdf", 1, "bob", null,
                null)).id();
        long tax = stored.repository.create(new Document(null, "Bob's tax", "tax", null, null, null, null,
                null, null, null, "sum-tax", null, null, null, null, "tax.pdf", "application/pdf", 1, "bob", null,
                null)).id();
        permissions.setGrants(ObjectType.DOCUMENT, List.of(payslip), new Grants(Set.of("alice"), Set.of(), Set.of(), Set.of()));
        permissions.setGrants(ObjectType.DOCUMENT, List.of(tax), new Grants(Set.of(), Set.of(), Set.of(), Set.of("family")));

        assertEquals(List.of(a, b, c, d, payslip), ids(new DocumentQuery.VisibleTo("alice")));
        assertEquals(List.of(a, b, c, d, tax), ids(new DocumentQuery.VisibleTo("carol", Set.of("family", "work"))));
        assertEquals(List.of(a, b, c, d), ids(new DocumentQuery.VisibleTo("carol", Set.of("work"))));
        assertEquals(List.of(a, b, c, d, payslip, tax), ids(new DocumentQuery.VisibleTo("bob")));
        assertEquals(List.of(payslip, tax), ids(new DocumentQuery.OwnerIn(Set.of("bob", "nobody"), false)));
        assertEquals(List.of(a, b, c, d), ids(new DocumentQuery.OwnerIn(Set.of("bob"), true)), "none of them, or nobody");
        assertEquals(List.of(a, b, c, d), ids(new DocumentQuery.OwnerIsNull(true)));
        assertEquals(List.of(payslip, tax), ids(new DocumentQuery.OwnerIsNull(false)));
        assertEquals(List.of(), ids(new DocumentQuery.OwnerIn(Set.of(), false)));

        Access access = permissions.access(ObjectType.DOCUMENT, List.of(payslip, tax, a)).get(tax);
        assertEquals("bob", access.owner());
        assertEquals(Set.of("family"), access.grants().changeGroups());
        assertEquals(2, permissions.access(ObjectType.DOCUMENT, List.of(payslip, tax, a)).size(), "a has neither");

        // Replaced, not added to; then the grants of a user who is gone go, and what they owned is unowned.
        permissions.setGrants(ObjectType.DOCUMENT, List.of(payslip), new Grants(Set.of("dave"), Set.of(), Set.of(), Set.of()));
        assertEquals(List.of(a, b, c, d), ids(new DocumentQuery.VisibleTo("alice")));
        permissions.forgetPrincipal(false, "bob");
        assertEquals(null, stored.repository.find(payslip).orElseThrow().owner());
        assertEquals(Set.of("dave"), permissions.access(ObjectType.DOCUMENT, List.of(payslip)).get(payslip).grants().viewUsers());
        permissions.forgetPrincipal(true, "family");
        assertEquals(Grants.NONE, permissions.access(ObjectType.DOCUMENT, List.of(tax)).getOrDefault(tax, Access.PUBLIC).grants());
    }

    @Test
    void objectsHaveOwnersAndGrantsOfTheirOwn() {
        PermissionRepositoryComponent permissions = new PermissionRepositoryComponent(db.dataSource(), stored.migrations());
        permissions.setOwner(ObjectType.TAG, t1, "bob");
        permissions.setOwner(ObjectType.TAG, t2, "bob");
        permissions.setGrants(ObjectType.TAG, List.of(t2), new Grants(Set.of(), Set.of("family"), Set.of(), Set.of()));
        permissions.setOwner(ObjectType.CORRESPONDENT, t1, "carol");

        java.util.Map<Long, Access> tags = permissions.accessAll(ObjectType.TAG);
        assertEquals(Set.of(t1, t2), tags.keySet());
        assertEquals(new Access("bob", Grants.NONE), tags.get(t1));
        assertEquals(Set.of("family"), tags.get(t2).grants().viewGroups());
        permissions.setOwner(ObjectType.TAG, t1, null);
        permissions.forget(ObjectType.TAG, t2);
        assertEquals(java.util.Map.of(), permissions.accessAll(ObjectType.TAG));
        assertEquals("carol", permissions.accessAll(ObjectType.CORRESPONDENT).get(t1).owner());
    }
}
