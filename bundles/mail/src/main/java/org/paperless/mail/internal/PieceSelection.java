package org.paperless.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.paperless.api.mail.MailRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.mail.MessagingException;

/**
 * What a rule takes from a mail, written to the mail's staging folder: the whole mail as .eml (scope EML
 * or EVERYTHING, first, as paperless-ngx) and the attachments that pass the rule (scope ATTACHMENTS or
 * EVERYTHING). An attachment is a part with Content-Disposition attachment, or with a file name and no
 * disposition; inline parts with a file name count too when the rule's attachment type is EVERYTHING.
 * Attachments no parser reads are left out (as paperless-ngx), so they never hold back the mail's action.
 */
final class PieceSelection {

    private static final Logger LOG = LoggerFactory.getLogger(PieceSelection.class);

    private PieceSelection() {
    }

    static List<Piece> select(MailRule rule, Candidate mail, Path eml, MailParts parts, Path folder, Limits limits,
            Predicate<String> supportedType) throws IOException, MailRefused {
        List<Piece> pieces = new ArrayList<>();
        if (rule.scope() != MailRule.Scope.ATTACHMENTS) {
            if (supportedType.test("message/rfc822")) {
                String name = FileNames.fromText(mail.subject(), ".eml", "mail.eml");
                Path target = Files.createDirectories(folder.resolve("0")).resolve(name);
                String sha;
                try (InputStream in = Files.newInputStream(eml)) {
                    sha = StagedFiles.write(in, target, Long.MAX_VALUE, "The mail");
                }
                pieces.add(new Piece(target, name, sha, true));
            } else {
                LOG.info("Rule {}: mail {} not consumed as .eml: no parser reads mails (is org.paperless.parser.mail running?)",
                        rule.name(), mail.label());
            }
        }
        if (rule.scope() == MailRule.Scope.EML) {
            return pieces;
        }
        Globs include = Globs.of(rule.attachmentInclude());
        Globs exclude = Globs.of(rule.attachmentExclude());
        int index = 0;
        for (MailParts.Leaf leaf : parts.leaves()) {
            index++;
            if (!isAttachment(leaf, rule.attachmentType())) {
                continue;
            }
            String name = FileNames.safe(leaf.fileName(), "attachment-" + index + extension(leaf.type()));
            if (!include.isEmpty() && !include.matchesAny(name)) {
                LOG.debug("Rule {}: {} of mail {} does not match '{}'", rule.name(), name, mail.label(), rule.attachmentInclude());
                continue;
            }
            if (exclude.matchesAny(name)) {
                LOG.debug("Rule {}: {} of mail {} matches '{}'", rule.name(), name, mail.label(), rule.attachmentExclude());
                continue;
            }
            Path target = Files.createDirectories(folder.resolve(String.valueOf(index))).resolve(name);
            String sha;
            try (InputStream in = leaf.part().getInputStream()) {
                sha = StagedFiles.write(in, target, limits.maxPartBytes(), "The attachment " + name);
            } catch (MessagingException e) {
                throw new MailRefused("The attachment " + name + " cannot be read: " + Failures.message(e), e);
            } catch (IOException e) {
                if (Files.exists(folder)) {
                    throw new MailRefused("The attachment " + name + " cannot be decoded: " + Failures.message(e), e);
                }
                throw e;
            }
            String type = ContentSniffer.detect(target, leaf.type(), name);
            if (!supportedType.test(type)) {
                LOG.info("Rule {}: attachment {} of mail {} left out: no parser reads {}", rule.name(), name, mail.label(), type);
                Files.delete(target);
                continue;
            }
            pieces.add(new Piece(target, name, sha, false));
        }
        return pieces;
    }

    private static boolean isAttachment(MailParts.Leaf leaf, MailRule.AttachmentType type) {
        if (leaf.attachment()) {
            return true;
        }
        if (leaf.fileName() == null) {
            return false;
        }
        String disposition = leaf.disposition();
        return disposition == null || type == MailRule.AttachmentType.EVERYTHING;
    }

    private static String extension(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/tiff" -> ".tiff";
            case "image/gif" -> ".gif";
            case "text/plain" -> ".txt";
            case "text/csv" -> ".csv";
            case "message/rfc822" -> ".eml";
            default -> ".bin";
        };
    }
}
