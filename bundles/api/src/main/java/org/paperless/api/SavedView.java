package org.paperless.api;

import java.util.List;
import java.util.Objects;

/**
 * A saved list of documents, as paperless-ngx's: its filter rules (paperless-ngx's rule types and values), its
 * order, and how the list shows (page size, display mode, the fields shown).
 *
 * @param sortField the field the list is ordered by, null for the default
 * @param pageSize documents a page, null for the default
 * @param displayMode table, smallCards or largeCards; null for the default
 * @param displayFields the columns shown, null for the default
 */
public record SavedView(Long id, String name, String sortField, boolean sortReverse, Integer pageSize,
        String displayMode, List<String> displayFields, List<FilterRule> filterRules, boolean showOnDashboard,
        boolean showInSidebar) {

    public static final int MAX_NAME = 128;
    public static final int MAX_RULES = 100;
    public static final int MAX_VALUE = 4096;

    /** One rule: paperless-ngx's rule type (a number) and its value, which some rules do without. */
    public record FilterRule(int ruleType, String value) {
        public FilterRule {
            if (ruleType < 0 || ruleType > 1000) {
                throw new IllegalArgumentException("rule type " + ruleType + " is not one of paperless-ngx's");
            }
            if (value != null && value.length() > MAX_VALUE) {
                throw new IllegalArgumentException("a rule's value is at most " + MAX_VALUE + " characters");
            }
        }
    }

    public SavedView {
        Objects.requireNonNull(name, "name");
        name = name.strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("a saved view's name is 1 to " + MAX_NAME + " characters");
        }
        filterRules = filterRules == null ? List.of() : List.copyOf(filterRules);
        if (filterRules.size() > MAX_RULES) {
            throw new IllegalArgumentException("at most " + MAX_RULES + " filter rules");
        }
        displayFields = displayFields == null || displayFields.isEmpty() ? null : List.copyOf(displayFields);
        if (displayFields != null && String.join(",", displayFields).length() > MAX_VALUE) {
            throw new IllegalArgumentException("the fields shown take at most " + MAX_VALUE + " characters");
        }
        if (sortField != null && sortField.length() > MAX_NAME) {
            throw new IllegalArgumentException("a sort field's name is at most " + MAX_NAME + " characters");
        }
        if (displayMode != null && displayMode.length() > 32) {
            throw new IllegalArgumentException("a display mode is at most 32 characters");
        }
        if (pageSize != null && (pageSize < 1 || pageSize > 100_000)) {
            throw new IllegalArgumentException("a page holds 1 to 100,000 documents");
        }
    }

    public SavedView withId(Long newId) {
        return new SavedView(newId, name, sortField, sortReverse, pageSize, displayMode, displayFields, filterRules,
                showOnDashboard, showInSidebar);
    }
}
