package org.paperless.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.CustomField;
import org.paperless.api.CustomField.SelectOption;
import org.paperless.api.CustomFieldType;
import org.paperless.api.Document;
import org.paperless.api.backup.ExportOptions;
import org.paperless.api.backup.ImportOptions;

/** Select options with their ids and currencies through an export and an import, on real storage (Derby). */
class CustomFieldBackupTest {

    @TempDir
    Path dir;
    private StorageInstance source;
    private StorageInstance target;

    @BeforeEach
    void open() throws Exception {
        source = new StorageInstance(dir.resolve("source"));
        target = new StorageInstance(dir.resolve("target"));
    }

    @AfterEach
    void close() {
        source.close();
        target.close();
    }

    @Test
    void selectValuesAreExportedAsTheirOptionsIdsAndComeBackAsLabels() throws Exception {
        CustomField status = source.fields.create(new CustomField(null, "Status", CustomFieldType.SELECT,
                List.of(new SelectOption("aB1", "Paid"), new SelectOption("cD2", "Open")), null));
        source.fields.create(new CustomField(null, "Amount", CustomFieldType.MONETARY, List.of(), "EUR"));
        long bill = source.documents.create(new Document(null, "Bill", "text", null, null, null, Set.of(), null, null,
                null, "sum-bill", null, null, null, null, "bill.pdf", "application/pdf", 1, null, List.of(), List.of()),
                stored -> stored.withFilenames(String.format("%07d.pdf", stored.id()), null)).id();
        source.documents.setCustomField(bill, status.id(), "Open");

        Path export = dir.resolve("export");
        source.exporter().export(new ExportOptions(export, false, false, false, false, false, false, false, false,
                false, null, true, null), null);
        JsonNode manifest = Json.mapper().readTree(export.resolve("manifest.json").toFile());
        JsonNode field = null;
        JsonNode value = null;
        for (JsonNode r : manifest) {
            if (r.path("model").asText().equals(ManifestFiles.CUSTOM_FIELD) && r.path("fields").path("name").asText().equals("Status")) {
                field = r;
            } else if (r.path("model").asText().equals(ManifestFiles.CUSTOM_FIELD_INSTANCE)) {
                value = r;
            }
        }
        assertEquals("[{\"id\":\"aB1\",\"label\":\"Paid\"},{\"id\":\"cD2\",\"label\":\"Open\"}]",
                field.path("fields").path("extra_data").path("select_options").toString());
        assertEquals("cD2", value.path("fields").path("value_select").asText(), "paperless-ngx names the option by its id");

        target.importer().importFrom(export, new ImportOptions(true, null), null);
        CustomField imported = target.fields.list().stream().filter(f -> f.name().equals("Status")).findFirst().orElseThrow();
        assertEquals(status.selectOptions(), imported.selectOptions(), "the ids stay");
        assertEquals("EUR", target.fields.list().stream().filter(f -> f.name().equals("Amount")).findFirst().orElseThrow()
                .defaultCurrency());
        Document copy = target.documents.get(target.documents.list(0, 10).get(0).id());
        assertEquals("Open", copy.customFields().get(0).value());
    }

    @Test
    void optionsOfPaperlessNgxBefore213AreLabelsAndGetIdsHere() throws Exception {
        JsonNode old = Json.mapper().readTree("{\"model\": \"documents.customfield\", \"pk\": 1, \"fields\": {\"name\": "
                + "\"Kind\", \"data_type\": \"select\", \"extra_data\": {\"select_options\": [\"Bill\", \"bill\", \" \", \"Memo\"]}}}");
        CustomField kind = RecordMapping.customField(old);
        assertEquals(List.of("Bill", "Memo"), kind.selectOptions().stream().map(SelectOption::label).toList(),
                "a label given twice (ignoring case) or blank is kept once or left out");
        CustomField stored = target.fields.create(kind);
        assertEquals(16, stored.selectOptions().get(0).id().length());
    }
}
