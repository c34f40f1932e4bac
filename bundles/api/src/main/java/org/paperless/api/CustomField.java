package org.paperless.api;

import java.util.List;
import java.util.Optional;

/**
 * A user-defined field that documents can carry a value for.
 *
 * @param selectOptions a select field's choices, in their order (empty for other types)
 * @param defaultCurrency a monetary field's currency when a value names none (ISO 4217 code), or null
 */
public record CustomField(Long id, String name, CustomFieldType dataType, List<SelectOption> selectOptions,
        String defaultCurrency) {

    public CustomField {
        selectOptions = selectOptions == null ? List.of() : List.copyOf(selectOptions);
    }

    public CustomField(Long id, String name, CustomFieldType dataType) {
        this(id, name, dataType, List.of(), null);
    }

    /**
     * One choice of a select field. Documents keep the label as their value (what search and the console
     * show); the id is what paperless-ngx's API and exports name it by, and stays when the label changes.
     */
    public record SelectOption(String id, String label) {
    }

    /** The option with this id, or else with this label (exactly, then ignoring case). */
    public Optional<SelectOption> option(String idOrLabel) {
        return selectOptions.stream().filter(o -> o.id().equals(idOrLabel)).findFirst()
                .or(() -> selectOptions.stream().filter(o -> o.label().equals(idOrLabel)).findFirst())
                .or(() -> selectOptions.stream().filter(o -> o.label().equalsIgnoreCase(idOrLabel)).findFirst());
    }
}
