package org.paperless.backup.internal;

import org.paperless.api.mail.MailAccounts;
import org.paperless.api.mail.MailRules;
import org.paperless.api.storage.CorrespondentRepository;
import org.paperless.api.storage.CustomFieldRepository;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.storage.DocumentTypeRepository;
import org.paperless.api.storage.PermissionRepository;
import org.paperless.api.storage.SavedViewRepository;
import org.paperless.api.storage.StoragePathRepository;
import org.paperless.api.storage.TagRepository;

/** The repositories an export reads. */
record Collection(DocumentRepository documents, CorrespondentRepository correspondents, TagRepository tags,
        DocumentTypeRepository types, StoragePathRepository paths, CustomFieldRepository fields,
        MailAccounts mailAccounts, MailRules mailRules, PermissionRepository permissions, SavedViewRepository savedViews) {
}
