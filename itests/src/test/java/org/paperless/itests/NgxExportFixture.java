package org.paperless.itests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Exports as paperless-ngx writes them, built from its format (records of model / pk / fields, the
 * __exported_*__ keys, WebP thumbnails) around real PDFs that PDFBox writes:
 * <ul>
 * <li>{@code ngx-2.15} a folder made with {@code -sm -p}: MD5 checksums, {@code created} as a timestamp,
 * files named {@code X.pdf-thumbnail.webp}, one manifest per document under json/, users, groups, a mail
 * account and rule, a saved view and a workflow beside the documents;</li>
 * <li>{@code ngx-3.0.zip} a zip: SHA-256 checksums, {@code created} as a date, a document in the trash and
 * an earlier version of a document.</li>
 * </ul>
 */
final class NgxExportFixture {

    static final String V2_FOLDER = "ngx-2.15";
    static final String V3_ZIP = "ngx-3.0.zip";
    static final String INVOICE_WORD = "Zahlungserinnerung";

    /** A real 1x1 lossless WebP: paperless-ngx's thumbnails are WebP. */
    private static final byte[] WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    private NgxExportFixture() {
    }

    static void write(Path folder) throws Exception {
        writeV2(folder.resolve(V2_FOLDER));
        writeV3(folder.resolve(V3_ZIP), folder.resolve("ngx-3.0-work"));
    }

    private static void writeV2(Path root) throws Exception {
        Files.createDirectories(root.resolve("originals"));
        Files.createDirectories(root.resolve("archive"));
        Files.createDirectories(root.resolve("thumbnails"));
        Files.createDirectories(root.resolve("json"));
        Path invoice = root.resolve("originals/2023-03-21 Stadtwerke Invoice 2023.pdf");
        Fixtures.writePdf(invoice, null, "Stadtwerke Musterstadt " + INVOICE_WORD + " Invoice 2023", "Amount due: 12.50 EUR");
        Path invoiceArchive = root.resolve("archive/2023-03-21 Stadtwerke Invoice 2023.pdf-archive.pdf");
        Fixtures.writePdf(invoiceArchive, null, "Stadtwerke Musterstadt " + INVOICE_WORD + " Invoice 2023 (archived)");
        Files.write(root.resolve("thumbnails/2023-03-21 Stadtwerke Invoice 2023.pdf-thumbnail.webp"), WEBP);
        Path letter = root.resolve("originals/2024-01-05 Tax office Letter.pdf");
        Fixtures.writePdf(letter, null, "Letter from the tax office about the assessment 2023");
        Files.write(root.resolve("thumbnails/2024-01-05 Tax office Letter.pdf-thumbnail.webp"), WEBP);

        Files.writeString(root.resolve("metadata.json"), "{\n  \"version\": \"2.15.3\"\n}");
        Files.writeString(root.resolve("manifest.json"), "[\n" + String.join(",\n", List.of(
                matching("documents.correspondent", 1, "Stadtwerke", "stadtwerke", 3, ""),
                matching("documents.correspondent", 2, "Tax office", "", 1, ""),
                tag(1, "Finance", "#ff0000", false, "null"),
                tag(2, "Bills", "#00ff00", false, "1"),
                tag(3, "Inbox", "#a6cee3", true, "null"),
                matching("documents.documenttype", 1, "Invoice", "invoice", 3, ""),
                matching("documents.storagepath", 1, "ByYear", "", 1, ", \"path\": \"{created_year}/{title}\""),
                "{\"model\": \"paperless_mail.mailaccount\", \"pk\": 1, \"fields\": {\"name\": \"Mail\", \"imap_server\": \"imap.example.org\", \"username\": \"me\", \"password\": \"secret\"}}",
                "{\"model\": \"paperless_mail.mailrule\", \"pk\": 1, \"fields\": {\"name\": \"Invoices\", \"account\": 1}}",
                "{\"model\": \"documents.savedview\", \"pk\": 1, \"fields\": {\"name\": \"Inbox\", \"show_on_dashboard\": true}}",
                "{\"model\": \"auth.group\", \"pk\": 1, \"fields\": {\"name\": \"Family\", \"permissions\": []}}",
                "{\"model\": \"auth.user\", \"pk\": 3, \"fields\": {\"username\": \"anna\", \"is_superuser\": true, \"groups\": [1]}}",
                "{\"model\": \"documents.workflow\", \"pk\": 1, \"fields\": {\"name\": \"Tag invoices\", \"order\": 0, \"enabled\": true}}",
                "{\"model\": \"documents.customfield\", \"pk\": 1, \"fields\": {\"created\": \"2023-01-01T10:00:00Z\", \"name\": \"Amount\", \"data_type\": \"monetary\", \"extra_data\": {\"default_currency\": null}}}",
                "{\"model\": \"documents.customfield\", \"pk\": 2, \"fields\": {\"created\": \"2023-01-01T10:00:00Z\", \"name\": \"Status\", \"data_type\": \"select\", \"extra_data\": {\"select_options\": [{\"id\": \"aB1\", \"label\": \"Paid\"}, {\"id\": \"cD2\", \"label\": \"Open\"}]}}}",
                "{\"model\": \"documents.customfield\", \"pk\": 3, \"fields\": {\"created\": \"2023-01-01T10:00:00Z\", \"name\": \"Related\", \"data_type\": \"documentlink\", \"extra_data\": {}}}"))
                + "\n]", StandardCharsets.UTF_8);
        Files.writeString(root.resolve("json/2023-03-21 Stadtwerke Invoice 2023.pdf-manifest.json"), "[\n" + String.join(",\n",
                document(11, "Invoice 2023", "Stadtwerke Musterstadt " + INVOICE_WORD + " Invoice 2023\nAmount due: 12.50 EUR",
                        "1", "1", "1", "[2, 3]", "\"2023-03-21T12:00:00Z\"", md5(invoice), "\"" + md5(invoiceArchive) + "\"",
                        "17", "\"2023/Invoice 2023.pdf\"", "\"2023/Invoice 2023.pdf\"", "originals/2023-03-21 Stadtwerke Invoice 2023.pdf",
                        "thumbnails/2023-03-21 Stadtwerke Invoice 2023.pdf-thumbnail.webp",
                        "archive/2023-03-21 Stadtwerke Invoice 2023.pdf-archive.pdf", ""),
                "{\"model\": \"documents.note\", \"pk\": 5, \"fields\": {\"deleted_at\": null, \"restored_at\": null, \"transaction_id\": null, \"note\": \"Paid by transfer\", \"created\": \"2023-04-01T09:30:00Z\", \"document\": 11, \"user\": 3}}",
                value(7, 11, 1, "value_monetary", "\"EUR12.50\""),
                value(8, 11, 2, "value_select", "\"aB1\""),
                value(9, 11, 3, "value_document_ids", "[12]")) + "\n]", StandardCharsets.UTF_8);
        Files.writeString(root.resolve("json/2024-01-05 Tax office Letter.pdf-manifest.json"), "[\n" + String.join(",\n",
                document(12, "Letter", "Letter from the tax office about the assessment 2023", "2", "null", "null", "[3]",
                        "\"2024-01-05T11:00:00Z\"", md5(letter), "null", "null", "\"0000012.pdf\"", "null",
                        "originals/2024-01-05 Tax office Letter.pdf", "thumbnails/2024-01-05 Tax office Letter.pdf-thumbnail.webp",
                        null, "")) + "\n]", StandardCharsets.UTF_8);
    }

    private static void writeV3(Path zip, Path work) throws Exception {
        Files.createDirectories(work);
        Path receipt = work.resolve("2024-02-10 Receipt.pdf");
        Fixtures.writePdf(receipt, null, "Receipt for a garden fence, Zaunlatten");
        Path trashed = work.resolve("2024-02-11 Old.pdf");
        Fixtures.writePdf(trashed, null, "A document in the trash");
        Path version = work.resolve("2024-02-12 Receipt.pdf");
        Fixtures.writePdf(version, null, "Receipt for a garden fence, second scan");
        List<String> records = new ArrayList<>(List.of(
                tag(1, "Garden", "#123456", false, "null"),
                "{\"model\": \"auth.user\", \"pk\": 2, \"fields\": {\"username\": \"ben\"}}",
                "{\"model\": \"documents.sharelink\", \"pk\": 1, \"fields\": {\"slug\": \"abc\", \"document\": 21}}",
                document(21, "Receipt", "Receipt for a garden fence, Zaunlatten", "null", "null", "null", "[1]",
                        "\"2024-02-10\"", sha256(receipt), "null", "null", "\"0000021.pdf\"", "null",
                        "2024-02-10 Receipt.pdf", "2024-02-10 Receipt-thumbnail.webp", null, ", \"root_document\": null"),
                document(22, "Old", "A document in the trash", "null", "null", "null", "[]",
                        "\"2024-02-11\"", sha256(trashed), "null", "null", "\"0000022.pdf\"", "null",
                        "2024-02-11 Old.pdf", null, null, ", \"root_document\": null").replace("\"deleted_at\": null", "\"deleted_at\": \"2024-03-01T10:00:00Z\""),
                document(23, "Receipt", "Receipt for a garden fence, second scan", "null", "null", "null", "[1]",
                        "\"2024-02-12\"", sha256(version), "null", "null", "\"0000023.pdf\"", "null",
                        "2024-02-12 Receipt.pdf", null, null, ", \"root_document\": 21")));
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            entry(z, "metadata.json", "{\n  \"version\": \"3.0.0\"\n}".getBytes(StandardCharsets.UTF_8));
            entry(z, "manifest.json", ("[\n" + String.join(",\n", records) + "\n]").getBytes(StandardCharsets.UTF_8));
            for (Path pdf : List.of(receipt, trashed, version)) {
                entry(z, pdf.getFileName().toString(), Files.readAllBytes(pdf));
            }
            entry(z, "2024-02-10 Receipt-thumbnail.webp", WEBP);
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    private static String matching(String model, int pk, String name, String match, int algorithm, String more) {
        return "{\"model\": \"" + model + "\", \"pk\": " + pk + ", \"fields\": {\"owner\": 3, \"name\": \"" + name
                + "\", \"match\": \"" + match + "\", \"matching_algorithm\": " + algorithm + ", \"is_insensitive\": true" + more + "}}";
    }

    /** With django-treenode's fields, as paperless-ngx 2.19+ writes them. */
    private static String tag(int pk, String name, String color, boolean inbox, String parent) {
        return "{\"model\": \"documents.tag\", \"pk\": " + pk + ", \"fields\": {\"tn_ancestors_pks\": \"\", "
                + "\"tn_ancestors_count\": 0, \"tn_children_pks\": \"\", \"tn_children_count\": 0, \"tn_depth\": 0, "
                + "\"tn_index\": 0, \"tn_level\": 1, \"tn_parent\": " + parent + ", \"tn_priority\": 0, \"tn_order\": 0, "
                + "\"owner\": null, \"name\": \"" + name + "\", \"match\": \"\", \"matching_algorithm\": 6, "
                + "\"is_insensitive\": true, \"color\": \"" + color + "\", \"is_inbox_tag\": " + inbox + "}}";
    }

    private static String value(int pk, int document, int field, String column, String json) {
        return "{\"model\": \"documents.customfieldinstance\", \"pk\": " + pk + ", \"fields\": {\"deleted_at\": null, "
                + "\"created\": \"2023-04-01T09:30:00Z\", \"document\": " + document + ", \"field\": " + field + ", \""
                + column + "\": " + json + ", \"value_monetary_amount\": null}}";
    }

    private static String document(int pk, String title, String content, String correspondent, String type, String path,
            String tags, String created, String checksum, String archiveChecksum, String asn, String filename,
            String archiveFilename, String file, String thumbnail, String archive, String more) {
        StringBuilder r = new StringBuilder("{\"model\": \"documents.document\", \"pk\": " + pk + ", \"fields\": {"
                + "\"deleted_at\": null, \"restored_at\": null, \"transaction_id\": null, \"owner\": 3, "
                + "\"correspondent\": " + correspondent + ", \"storage_path\": " + path + ", \"title\": \"" + title + "\", "
                + "\"document_type\": " + type + ", \"content\": \"" + content.replace("\n", "\\n") + "\", "
                + "\"mime_type\": \"application/pdf\", \"checksum\": \"" + checksum + "\", \"archive_checksum\": "
                + archiveChecksum + ", \"page_count\": 1, \"created\": " + created + ", "
                + "\"modified\": \"2024-03-01T08:00:01.532Z\", \"storage_type\": \"unencrypted\", "
                + "\"added\": \"2024-03-01T08:00:00.123Z\", \"filename\": " + filename + ", \"archive_filename\": "
                + archiveFilename + ", \"original_filename\": \"scan.pdf\", \"archive_serial_number\": " + asn
                + ", \"tags\": " + tags + more + "}, \"__exported_file_name__\": \"" + file + "\"");
        if (thumbnail != null) {
            r.append(", \"__exported_thumbnail_name__\": \"").append(thumbnail).append('"');
        }
        if (archive != null) {
            r.append(", \"__exported_archive_name__\": \"").append(archive).append('"');
        }
        return r.append('}').toString();
    }

    private static String md5(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(file)));
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
