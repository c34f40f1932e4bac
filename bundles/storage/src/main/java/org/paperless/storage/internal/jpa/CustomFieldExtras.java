package org.paperless.storage.internal.jpa;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.paperless.api.ConflictException;
import org.paperless.api.CustomField;
import org.paperless.api.CustomField.SelectOption;
import org.paperless.api.CustomFieldType;

/**
 * A custom field's select options and default currency (migration 8), over plain JDBC beside the entity, so
 * that the field entity still maps the schema before.
 */
final class CustomFieldExtras {

    /** A field's options in order and its currency. */
    record Extras(List<SelectOption> options, String currency) {
        static final Extras NONE = new Extras(List.of(), null);
    }

    private static final int MAX_TEXT = 128;
    /** The most options one select field has. */
    static final int MAX_OPTIONS = 1_000;
    private static final String ID_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CustomFieldExtras() {
    }

    static Map<Long, Extras> read(Connection c) throws SQLException {
        Map<Long, List<SelectOption>> options = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT field_id, option_key, label FROM custom_field_option ORDER BY field_id, position, id");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                options.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new SelectOption(rs.getString(2), rs.getString(3)));
            }
        }
        Map<Long, Extras> extras = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, default_currency FROM custom_field");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                extras.put(rs.getLong(1), new Extras(options.getOrDefault(rs.getLong(1), List.of()), rs.getString(2)));
            }
        }
        return extras;
    }

    /**
     * The options and currency a field of this type keeps, checked: labels given, distinct (ignoring case) and
     * at most 128 characters; options without an id get a random one, as paperless-ngx gives them.
     */
    static Extras checked(CustomField field) {
        List<SelectOption> options = new ArrayList<>();
        if (field.dataType() == CustomFieldType.SELECT) {
            if (field.selectOptions().size() > MAX_OPTIONS) {
                throw new IllegalArgumentException("A select field has at most " + MAX_OPTIONS + " options");
            }
            Set<String> labels = new HashSet<>();
            Set<String> ids = new HashSet<>();
            for (SelectOption o : field.selectOptions()) {
                String label = o.label() == null ? "" : o.label().strip();
                if (label.isEmpty() || label.length() > MAX_TEXT) {
                    throw new IllegalArgumentException("Every select option needs a label of 1 to " + MAX_TEXT + " characters");
                }
                if (!labels.add(label.toLowerCase(Locale.ROOT))) {
                    throw new ConflictException("The select option '" + label + "' is given twice");
                }
                String id = o.id() == null || o.id().isBlank() ? newId() : o.id();
                if (id.length() > MAX_TEXT || !ids.add(id)) {
                    throw new IllegalArgumentException("Select option ids must be distinct and at most " + MAX_TEXT
                            + " characters: '" + id + "'");
                }
                options.add(new SelectOption(id, label));
            }
        }
        String currency = field.dataType() == CustomFieldType.MONETARY && field.defaultCurrency() != null
                && !field.defaultCurrency().isBlank() ? field.defaultCurrency().strip().toUpperCase(Locale.ROOT) : null;
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("The default currency is a 3-letter code such as EUR, not '"
                    + field.defaultCurrency() + "'");
        }
        return new Extras(options, currency);
    }

    static void write(Connection c, long fieldId, Extras extras) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM custom_field_option WHERE field_id = ?")) {
            s.setLong(1, fieldId);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO custom_field_option (field_id, position, option_key, label) VALUES (?, ?, ?, ?)")) {
            int position = 0;
            for (SelectOption o : extras.options()) {
                s.setLong(1, fieldId);
                s.setInt(2, position++);
                s.setString(3, o.id());
                s.setString(4, o.label());
                s.addBatch();
            }
            if (!extras.options().isEmpty()) {
                s.executeBatch();
            }
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE custom_field SET default_currency = ? WHERE id = ?")) {
            s.setString(1, extras.currency());
            s.setLong(2, fieldId);
            s.executeUpdate();
        }
    }

    private static String newId() {
        StringBuilder id = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            id.append(ID_CHARS.charAt(RANDOM.nextInt(ID_CHARS.length())));
        }
        return id.toString();
    }
}
