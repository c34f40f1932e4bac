package org.paperless.backup.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.paperless.api.security.UserDirectory;

/**
 * Our records as a paperless-ngx version's exporter writes them: exactly the fields of its model, in its order;
 * what we do not keep gets the value its model gives a new row (the tag tree's fields as treenode computes them);
 * what only we keep (note authors by name, thumbnail checksums) becomes its form or goes.
 */
final class NgxShape {

    /** Top-level keys of a document record its importer reads; ours beside them are left out. */
    private static final Set<String> DOCUMENT_KEYS = Set.of(ManifestFiles.FILE_NAME, ManifestFiles.THUMBNAIL_NAME,
            ManifestFiles.ARCHIVE_NAME);
    private static final Set<String> FALSE_BY_DEFAULT = Set.of("show_on_dashboard", "show_in_sidebar",
            "stop_processing", "is_token", "assign_owner_from_rule", "is_superuser", "is_staff");
    private static final Set<String> EMPTY_LISTS = Set.of("tags", "assign_tags", "groups", "user_permissions",
            "permissions");

    private final NgxVersion version;
    private final ObjectMapper mapper;
    private final TagTree tree;
    /** When a row that must have a creation time (custom fields, their values) was made: the export's start. */
    private final String now;
    private final SecureRandom random = new SecureRandom();

    NgxShape(NgxVersion version, ObjectMapper mapper, TagTree tree, Instant now) {
        this.version = version;
        this.mapper = mapper;
        this.tree = tree;
        this.now = Records.timestamp(now);
    }

    NgxVersion version() {
        return version;
    }

    /** The record in that version's form; null for a model that version does not have. */
    ObjectNode shape(ObjectNode ours) {
        String model = ours.path("model").asText();
        List<String> names = version.models().get(model);
        if (names == null) {
            return null;
        }
        JsonNode given = ours.path("fields");
        ObjectNode fields = mapper.createObjectNode();
        for (String name : names) {
            JsonNode value = given.get(name);
            fields.set(name, value != null ? value : missing(model, name, ours));
        }
        adjust(model, fields, ours);
        ObjectNode record = mapper.createObjectNode();
        record.put("model", model);
        record.set("pk", ours.get("pk"));
        record.set("fields", fields);
        if (ManifestFiles.DOCUMENT.equals(model)) {
            DOCUMENT_KEYS.stream().sorted(NgxShape::documentKeyOrder)
                    .filter(ours::has).forEach(k -> record.set(k, ours.get(k)));
        }
        return record;
    }

    /** Its exporter writes the file's name, then the thumbnail's, then the archive's. */
    private static int documentKeyOrder(String a, String b) {
        List<String> order = List.of(ManifestFiles.FILE_NAME, ManifestFiles.THUMBNAIL_NAME, ManifestFiles.ARCHIVE_NAME);
        return Integer.compare(order.indexOf(a), order.indexOf(b));
    }

    private JsonNode missing(String model, String name, ObjectNode ours) {
        if (name.startsWith("tn_")) {
            ObjectNode treeFields = tree.of(ours.path("pk").asLong());
            return treeFields == null ? mapper.nullNode() : treeFields.get(name);
        }
        if ("storage_type".equals(name)) {
            return mapper.getNodeFactory().textNode("unencrypted");
        }
        if ("created".equals(name)) {
            return mapper.getNodeFactory().textNode(now);
        }
        if ("pdf_layout".equals(name)) {
            return mapper.getNodeFactory().numberNode(0);
        }
        if (FALSE_BY_DEFAULT.contains(name)) {
            return mapper.getNodeFactory().booleanNode(false);
        }
        if (EMPTY_LISTS.contains(name)) {
            return mapper.createArrayNode();
        }
        return mapper.nullNode();
    }

    /** What differs in meaning, not only in presence. */
    private void adjust(String model, ObjectNode fields, ObjectNode ours) {
        switch (model) {
            case ManifestFiles.NOTE -> {
                String author = ours.path(ManifestFiles.NOTE_USER).asText(null);
                if (author != null) {
                    fields.put("user", UserDirectory.numberOf(author));
                }
            }
            case ManifestFiles.CUSTOM_FIELD_INSTANCE -> fields.set("value_monetary_amount",
                    amount(fields.path("value_monetary").asText(null)));
            case PermissionRecords.USER -> {
                // No hash leaves this instance: an unusable password, as Django marks one ("!" and 40 random
                // characters); the user sets a new one, or an admin does.
                if (fields.path("password").asText("").isEmpty()) {
                    byte[] bytes = new byte[20];
                    random.nextBytes(bytes);
                    fields.put("password", "!" + HexFormat.of().formatHex(bytes));
                }
            }
            default -> {
            }
        }
    }

    /**
     * The amount paperless-ngx's database computes from a monetary value (a generated column its exporter writes):
     * the whole value when it starts with a digit, else what follows the three-letter currency; two decimals.
     */
    private JsonNode amount(String monetary) {
        if (monetary == null || monetary.isBlank()) {
            return mapper.nullNode();
        }
        String number = Character.isDigit(monetary.charAt(0)) ? monetary : monetary.length() > 3 ? monetary.substring(3) : "";
        try {
            return mapper.getNodeFactory().textNode(new BigDecimal(number.strip()).setScale(2, RoundingMode.HALF_EVEN)
                    .toPlainString());
        } catch (NumberFormatException e) {
            return mapper.nullNode();
        }
    }
}
