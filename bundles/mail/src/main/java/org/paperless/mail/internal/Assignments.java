package org.paperless.mail.internal;

import java.text.Normalizer;
import java.util.List;

import org.paperless.api.ClassifyingObject;
import org.paperless.api.consumer.ConsumeOverrides;
import org.paperless.api.mail.MailRule;

/**
 * What a rule assigns to each document of a mail: title, correspondent, type and tags, by id. A correspondent
 * taken from the sender is looked up (or created) once per mail, when its first document is consumed.
 */
final class Assignments {

    private final MailRule rule;
    private final Candidate mail;
    private final CorrespondentNames names;
    private String correspondent;
    private boolean resolved;

    Assignments(MailRule rule, Candidate mail, CorrespondentNames names) {
        this.rule = rule;
        this.mail = mail;
        this.names = names;
    }

    ConsumeOverrides overrides(Piece piece) {
        String title = switch (rule.titleFrom()) {
            case SUBJECT -> mail.subject().isBlank() ? null : mail.subject();
            case FILENAME -> Normalizer.normalize(FileNames.stem(piece.name()), Normalizer.Form.NFC);
            case NONE -> null;
        };
        List<String> tags = rule.tagIds().stream().map(String::valueOf).toList();
        return new ConsumeOverrides(title, correspondent(),
                rule.documentTypeId() == null ? null : String.valueOf(rule.documentTypeId()), tags);
    }

    private String correspondent() {
        if (!resolved) {
            correspondent = switch (rule.correspondentFrom()) {
                case NOTHING -> null;
                case CUSTOM -> String.valueOf(rule.correspondentId());
                case EMAIL -> byName(mail.fromAddress());
                case NAME -> byName(mail.fromName().isBlank() ? mail.fromAddress() : mail.fromName());
            };
            resolved = true;
        }
        return correspondent;
    }

    private String byName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String cut = name.strip();
        if (cut.length() > ClassifyingObject.MAX_NAME_LENGTH) {
            cut = cut.substring(0, ClassifyingObject.MAX_NAME_LENGTH).strip();
        }
        return String.valueOf(names.idFor(cut));
    }
}
