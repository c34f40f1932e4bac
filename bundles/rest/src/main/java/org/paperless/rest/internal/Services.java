package org.paperless.rest.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.paperless.api.consumer.DocumentConsumer;
import org.paperless.api.index.SearchIndex;
import org.paperless.api.matching.DocumentClassifier;
import org.paperless.api.matching.DocumentMatcher;
import org.paperless.api.security.Authenticator;
import org.paperless.api.security.UserDirectory;
import org.paperless.api.storage.CorrespondentRepository;
import org.paperless.api.storage.CustomFieldRepository;
import org.paperless.api.storage.DataFolders;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.storage.DocumentTypeRepository;
import org.paperless.api.storage.MediaStore;
import org.paperless.api.storage.PermissionRepository;
import org.paperless.api.storage.SavedViewRepository;
import org.paperless.api.storage.StoragePathRepository;
import org.paperless.api.storage.TagRepository;
import org.paperless.api.tasks.TaskLog;

/**
 * The other bundles' services as the servlet holds them right now. Any may come and go (a bundle stopped or
 * updated): a request that needs one that is away is answered 503 with the bundle to start, never left hanging.
 */
@Component(service = Services.class)
public class Services {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Authenticator authenticator;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile DocumentRepository documents;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile TagRepository tags;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile CorrespondentRepository correspondents;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile DocumentTypeRepository documentTypes;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile StoragePathRepository storagePaths;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile CustomFieldRepository customFields;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile MediaStore media;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile DataFolders folders;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile SearchIndex index;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile DocumentConsumer consumer;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile TaskLog tasks;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile DocumentMatcher matcher;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile DocumentClassifier classifier;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile PermissionRepository permissions;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile UserDirectory directory;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile SavedViewRepository savedViews;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile org.paperless.api.mail.MailAccounts mailAccounts;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile org.paperless.api.mail.MailRules mailRules;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile org.paperless.api.mail.MailFetcher mailFetcher;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile org.paperless.api.mail.ProcessedMails processedMails;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile org.paperless.api.maintenance.Archiver archiver;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile org.paperless.api.maintenance.Thumbnails thumbnails;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile org.paperless.api.parser.PdfPages pdfPages;

    static <T> T need(T service, String what, String feature) {
        if (service == null) {
            throw ApiException.detail(503, "The " + what + " is not available right now; start it with "
                    + "feature:install " + feature + " (or bundle:start) and try again.");
        }
        return service;
    }

    Authenticator authenticator() {
        return need(authenticator, "login service", "paperless-security");
    }

    DocumentRepository documents() {
        return need(documents, "storage", "paperless-storage");
    }

    TagRepository tags() {
        return need(tags, "storage", "paperless-storage");
    }

    CorrespondentRepository correspondents() {
        return need(correspondents, "storage", "paperless-storage");
    }

    DocumentTypeRepository documentTypes() {
        return need(documentTypes, "storage", "paperless-storage");
    }

    StoragePathRepository storagePaths() {
        return need(storagePaths, "storage", "paperless-storage");
    }

    MediaStore media() {
        return need(media, "storage", "paperless-storage");
    }

    DataFolders folders() {
        return need(folders, "storage", "paperless-storage");
    }

    SearchIndex index() {
        return need(index, "search index", "paperless-index-lucene");
    }

    DocumentConsumer consumer() {
        return need(consumer, "consumer", "paperless-consumer");
    }

    PermissionRepository permissions() {
        return need(permissions, "storage", "paperless-storage");
    }

    UserDirectory directory() {
        return need(directory, "user directory", "paperless-security");
    }

    TaskLog tasks() {
        return need(tasks, "storage", "paperless-storage");
    }
}
