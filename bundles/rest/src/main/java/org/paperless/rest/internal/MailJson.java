package org.paperless.rest.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailCodes;
import org.paperless.api.mail.MailRule;

/**
 * Mail accounts and rules as paperless-ngx's serializers write and read them: its field names and integer
 * choices. A field a body leaves out keeps its value (PATCH) or paperless-ngx's default (POST).
 */
final class MailJson {

    /** What paperless-ngx shows instead of a password. */
    static final String HIDDEN = "**********";

    private static final Set<String> ACCOUNT_FIELDS = Set.of("id", "name", "imap_server", "imap_port", "imap_security",
            "username", "password", "character_set", "is_token", "owner", "user_can_change", "permissions",
            "set_permissions", "account_type", "expiration");
    private static final Set<String> RULE_FIELDS = Set.of("id", "name", "account", "enabled", "folder", "filter_from",
            "filter_to", "filter_subject", "filter_body", "filter_attachment_filename_include",
            "filter_attachment_filename_exclude", "maximum_age", "action", "action_parameter", "assign_title_from",
            "assign_tags", "assign_correspondent_from", "assign_correspondent", "assign_document_type",
            "assign_owner_from_rule", "order", "attachment_type", "consumption_scope", "pdf_layout", "owner",
            "user_can_change", "permissions", "set_permissions", "stop_processing");

    private MailJson() {
    }

    static Map<String, Object> account(MailAccount a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", a.id());
        json.put("name", a.name());
        json.put("imap_server", a.host());
        json.put("imap_port", a.port());
        json.put("imap_security", MailCodes.code(MailCodes.SECURITY, a.security()));
        json.put("username", a.user());
        json.put("password", HIDDEN);
        json.put("character_set", a.characterSet());
        json.put("is_token", false);
        json.put("owner", null);
        json.put("user_can_change", true);
        json.put("account_type", MailCodes.ACCOUNT_IMAP);
        json.put("expiration", null);
        return json;
    }

    /** The account a body describes over {@code existing} (null for a new one); a hidden password keeps the old. */
    static MailAccount account(ObjectNode body, MailAccount existing) {
        check(body, ACCOUNT_FIELDS);
        if (body.path("is_token").asBoolean(false) || body.has("account_type") && body.get("account_type").asInt(1) != MailCodes.ACCOUNT_IMAP) {
            throw ApiException.invalid("account_type", "Only IMAP accounts with a password (account_type 1) are fetched here;"
                    + " OAuth accounts (Gmail, Outlook) are not supported.");
        }
        String password = text(body, "password", existing == null ? "" : existing.password());
        if (existing != null && !password.isEmpty() && password.replace("*", "").isEmpty()) {
            password = existing.password();
        }
        Integer port = existing == null ? null : existing.port();
        if (body.has("imap_port")) {
            JsonNode p = body.get("imap_port");
            if (!p.isNull() && !p.isIntegralNumber()) {
                throw ApiException.invalid("imap_port", "A valid integer is required.");
            }
            port = p.isNull() ? null : p.asInt();
        }
        try {
            return new MailAccount(existing == null ? null : existing.id(), text(body, "name", existing == null ? null : existing.name()),
                    text(body, "imap_server", existing == null ? null : existing.host()), port,
                    choice(body, "imap_security", MailCodes.SECURITY, existing == null ? MailAccount.Security.SSL : existing.security()),
                    text(body, "username", existing == null ? null : existing.user()), password,
                    text(body, "character_set", existing == null ? null : existing.characterSet()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.invalid("non_field_errors", e.getMessage());
        }
    }

    static Map<String, Object> rule(MailRule r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("name", r.name());
        json.put("account", r.accountId());
        json.put("enabled", r.enabled());
        json.put("folder", r.folder());
        json.put("filter_from", r.filterFrom());
        json.put("filter_to", r.filterTo());
        json.put("filter_subject", r.filterSubject());
        json.put("filter_body", r.filterBody());
        json.put("filter_attachment_filename_include", r.attachmentInclude());
        json.put("filter_attachment_filename_exclude", r.attachmentExclude());
        json.put("maximum_age", r.maximumAgeDays());
        json.put("action", MailCodes.code(MailCodes.ACTION, r.action()));
        json.put("action_parameter", r.actionParameter());
        json.put("assign_title_from", MailCodes.code(MailCodes.TITLE, r.titleFrom()));
        json.put("assign_tags", new ArrayList<>(new TreeSet<>(r.tagIds())));
        json.put("assign_correspondent_from", MailCodes.code(MailCodes.CORRESPONDENT, r.correspondentFrom()));
        json.put("assign_correspondent", r.correspondentId());
        json.put("assign_document_type", r.documentTypeId());
        json.put("assign_owner_from_rule", false);
        json.put("order", r.order());
        json.put("attachment_type", MailCodes.code(MailCodes.ATTACHMENT_TYPE, r.attachmentType()));
        json.put("consumption_scope", MailCodes.code(MailCodes.SCOPE, r.scope()));
        json.put("pdf_layout", 0);
        json.put("owner", null);
        json.put("user_can_change", true);
        json.put("stop_processing", r.stopProcessing());
        return json;
    }

    /** A fetched mail: paperless-ngx's status is SUCCESS or FAILED; a mail still being stored is PROCESSING here. */
    static Map<String, Object> processed(org.paperless.api.mail.ProcessedMail m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", m.id());
        json.put("owner", null);
        json.put("rule", m.ruleId());
        json.put("folder", m.folder());
        json.put("uid", String.valueOf(m.uid()));
        json.put("subject", m.subject());
        json.put("received", JsonDates.moment(m.received()));
        json.put("processed", JsonDates.moment(m.updatedAt()));
        json.put("status", switch (m.status()) {
            case DONE -> "SUCCESS";
            case FAILED -> "FAILED";
            default -> "PROCESSING";
        });
        json.put("error", m.error());
        return json;
    }

    /** The rule a body describes over {@code existing}; its account, tags, correspondent and type are checked by the caller. */
    static MailRule rule(ObjectNode body, MailRule existing) {
        check(body, RULE_FIELDS);
        if (body.path("assign_owner_from_rule").asBoolean(false)) {
            throw ApiException.invalid("assign_owner_from_rule", "Documents from mail belong to nobody here; send false.");
        }
        if (body.has("pdf_layout") && body.get("pdf_layout").asInt(0) != 0) {
            throw ApiException.invalid("pdf_layout", "Only the default layout (0) is supported.");
        }
        int maximumAge = integer(body, "maximum_age", existing == null ? 30 : existing.maximumAgeDays());
        if (maximumAge > 36500) {
            throw ApiException.invalid("maximum_age", "Maximum mail age is unreasonably large.");
        }
        MailRule.Action action = choice(body, "action", MailCodes.ACTION, existing == null ? MailRule.Action.MARK_READ : existing.action());
        String parameter = text(body, "action_parameter", existing == null ? null : existing.actionParameter());
        if (action.needsParameter() && (parameter == null || parameter.isBlank())) {
            throw ApiException.invalid("non_field_errors", "An action parameter is required.");
        }
        Long account = id(body, "account", existing == null ? null : existing.accountId());
        if (account == null) {
            throw ApiException.invalid("account", "This field is required.");
        }
        try {
            return new MailRule(existing == null ? null : existing.id(), account,
                    text(body, "name", existing == null ? null : existing.name()),
                    integer(body, "order", existing == null ? 0 : existing.order()),
                    bool(body, "enabled", existing == null || existing.enabled()),
                    text(body, "folder", existing == null ? "INBOX" : existing.folder()),
                    text(body, "filter_from", existing == null ? null : existing.filterFrom()),
                    text(body, "filter_to", existing == null ? null : existing.filterTo()),
                    text(body, "filter_subject", existing == null ? null : existing.filterSubject()),
                    text(body, "filter_body", existing == null ? null : existing.filterBody()),
                    text(body, "filter_attachment_filename_include", existing == null ? null : existing.attachmentInclude()),
                    text(body, "filter_attachment_filename_exclude", existing == null ? null : existing.attachmentExclude()),
                    maximumAge,
                    choice(body, "attachment_type", MailCodes.ATTACHMENT_TYPE, existing == null ? null : existing.attachmentType()),
                    choice(body, "consumption_scope", MailCodes.SCOPE, existing == null ? null : existing.scope()),
                    choice(body, "assign_title_from", MailCodes.TITLE, existing == null ? null : existing.titleFrom()),
                    choice(body, "assign_correspondent_from", MailCodes.CORRESPONDENT,
                            existing == null ? null : existing.correspondentFrom()),
                    id(body, "assign_correspondent", existing == null ? null : existing.correspondentId()),
                    id(body, "assign_document_type", existing == null ? null : existing.documentTypeId()),
                    tags(body, existing == null ? List.of() : existing.tagIds()), action, parameter,
                    bool(body, "stop_processing", existing != null && existing.stopProcessing()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.invalid("non_field_errors", e.getMessage());
        }
    }

    private static void check(ObjectNode body, Set<String> fields) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw ApiException.invalid(name, "Unknown field; the fields are " + new TreeSet<>(fields));
            }
        }
    }

    private static String text(ObjectNode body, String field, String fallback) {
        if (!body.has(field)) {
            return fallback;
        }
        JsonNode v = body.get(field);
        if (v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.invalid(field, "Not a valid string.");
        }
        if (v.asText().length() > 256) {
            throw ApiException.invalid(field, "Ensure this field has no more than 256 characters.");
        }
        return v.asText();
    }

    private static int integer(ObjectNode body, String field, int fallback) {
        if (!body.has(field)) {
            return fallback;
        }
        JsonNode v = body.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw ApiException.invalid(field, "A valid integer is required.");
        }
        return v.asInt();
    }

    private static boolean bool(ObjectNode body, String field, boolean fallback) {
        if (!body.has(field)) {
            return fallback;
        }
        if (!body.get(field).isBoolean()) {
            throw ApiException.invalid(field, "Must be a valid boolean.");
        }
        return body.get(field).asBoolean();
    }

    private static Long id(ObjectNode body, String field, Long fallback) {
        if (!body.has(field)) {
            return fallback;
        }
        JsonNode v = body.get(field);
        if (v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw ApiException.invalid(field, "Incorrect type. Expected pk value.");
        }
        return v.asLong();
    }

    private static List<Long> tags(ObjectNode body, List<Long> fallback) {
        if (!body.has("assign_tags")) {
            return fallback;
        }
        JsonNode v = body.get("assign_tags");
        if (v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw ApiException.invalid("assign_tags", "Expected a list of items.");
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode id : v) {
            if (!id.isIntegralNumber()) {
                throw ApiException.invalid("assign_tags", "Incorrect type. Expected pk value.");
            }
            ids.add(id.asLong());
        }
        return ids;
    }

    private static <E> E choice(ObjectNode body, String field, List<E> choices, E fallback) {
        if (!body.has(field)) {
            return fallback;
        }
        JsonNode v = body.get(field);
        if (!v.isIntegralNumber() || v.asInt() < 1 || v.asInt() > choices.size()) {
            throw ApiException.invalid(field, "\"" + v.asText() + "\" is not a valid choice.");
        }
        return MailCodes.choice(choices, v.asInt(), field);
    }
}
