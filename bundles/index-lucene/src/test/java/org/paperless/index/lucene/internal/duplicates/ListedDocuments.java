package org.paperless.index.lucene.internal.duplicates;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.paperless.api.Document;
import org.paperless.api.storage.DocumentRepository;

/**
 * Stored documents held in a list, answering the repository calls a search makes (count, listAfter, find) the
 * way the database does: by id, in batches. Any other call fails the test.
 */
final class ListedDocuments {

    private ListedDocuments() {
    }

    /** Documents with ids 1..n, titled "Document i", with these contents. */
    static List<Document> numbered(List<String> contents) {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            documents.add(document(i + 1, "Document " + (i + 1), contents.get(i)));
        }
        return documents;
    }

    static Document document(long id, String title, String content) {
        return new Document(id, title, content, null, null, null, Set.of(), LocalDate.of(2024, 1, 1), Instant.EPOCH,
                Instant.EPOCH, "checksum" + id, null, null, String.format("%07d.pdf", id), null, "scan.pdf",
                "application/pdf", 1, null, List.of(), List.of());
    }

    static DocumentRepository of(List<Document> documents) {
        List<Document> byId = new ArrayList<>(documents);
        byId.sort((a, b) -> Long.compare(a.id(), b.id()));
        return (DocumentRepository) Proxy.newProxyInstance(ListedDocuments.class.getClassLoader(),
                new Class<?>[] {DocumentRepository.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "count" -> (long) byId.size();
                    case "listAfter" -> byId.stream().filter(d -> d.id() > (long) args[0]).limit((int) args[1]).toList();
                    case "find" -> byId.stream().filter(d -> d.id() == (long) args[0]).findFirst();
                    case "toString" -> "documents in a list";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
