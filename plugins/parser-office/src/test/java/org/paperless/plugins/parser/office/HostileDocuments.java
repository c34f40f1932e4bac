package org.paperless.plugins.parser.office;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/** Files made to harm, or merely broken, built from the samples. */
final class HostileDocuments {

    static final String WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    static final String ODF_NS = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
            + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"";

    private HostileDocuments() {
    }

    /** A .docx whose body inflates to {@code megabytes} MB of one letter, about a thousand times its compressed size. */
    static Path zipBombDocx(Path folder, int megabytes) throws IOException {
        byte[] letters = new byte[1024 * 1024];
        Arrays.fill(letters, (byte) 'a');
        return new ZipRewriter().replace("word/document.xml", out -> {
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"" + WORD_NS
                    + "\"><w:body><w:p><w:r><w:t>").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < megabytes; i++) {
                out.write(letters);
            }
            out.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
        }).write(Samples.docx(folder), folder.resolve("bomb.docx"));
    }

    /** A .docx whose body declares an entity that reads {@code secret}. */
    static Path xxeDocx(Path folder, Path secret) throws IOException {
        return new ZipRewriter().replace("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<w:document xmlns:w=\"" + WORD_NS + "\"><w:body><w:p><w:r><w:t>Visible heron &xxe; end</w:t></w:r></w:p>"
                + "</w:body></w:document>").write(Samples.docx(folder), folder.resolve("xxe.docx"));
    }

    /** A .odt whose content declares an entity that reads {@code secret}, in UTF-16 to get past a naive check. */
    static Path xxeOdtUtf16(Path folder, Path secret) throws IOException {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
                + "<!DOCTYPE office:document-content [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<office:document-content " + ODF_NS + " office:version=\"1.2\"><office:body><office:text>"
                + "<text:p>Visible heron &xxe; end</text:p></office:text></office:body></office:document-content>";
        byte[] utf16 = xml.getBytes(StandardCharsets.UTF_16); // with a byte order mark
        return new ZipRewriter().replace("content.xml", out -> out.write(utf16))
                .write(Samples.resource(folder, "sample.odt"), folder.resolve("xxe.odt"));
    }

    /**
     * A .odt whose content names an external DTD (no internal subset, so it passes the prolog check) that
     * declares an entity reading {@code secret}: only a parser that loads external DTDs would resolve it.
     */
    static Path externalDtdOdt(Path folder, Path secret) throws IOException {
        Path dtd = Files.writeString(folder.resolve("evil.dtd"),
                "<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">\n", StandardCharsets.UTF_8);
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE office:document-content SYSTEM \"" + dtd.toUri() + "\">\n"
                + "<office:document-content " + ODF_NS + " office:version=\"1.2\"><office:body><office:text>"
                + "<text:p>Visible heron &xxe; end</text:p></office:text></office:body></office:document-content>";
        return new ZipRewriter().replace("content.xml", xml)
                .write(Samples.resource(folder, "sample.odt"), folder.resolve("dtd.odt"));
    }

    /** The first {@code percent} of a file. */
    static Path truncated(Path file, int percent) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        return Files.write(file.resolveSibling("truncated-" + name), Arrays.copyOf(bytes, bytes.length * percent / 100));
    }

    /** An OLE2 file laid out like an Outlook mail: a container the plugin's MIME type covers but that it does not read. */
    static Path outlookLike(Path folder) throws IOException {
        Path file = folder.resolve("mail.msg");
        try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(file)) {
            fs.createDocument(new java.io.ByteArrayInputStream("Subject".getBytes(StandardCharsets.UTF_16LE)),
                    "__substg1.0_0037001F");
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[32]), "__properties_version1.0");
            fs.writeFilesystem(out);
        }
        return file;
    }

    /** The .docx sample encrypted with a password (agile encryption, as Word does it). */
    static Path encryptedDocx(Path folder) throws Exception {
        Path docx = Samples.docx(folder);
        Path file = folder.resolve("encrypted.docx");
        EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
        Encryptor encryptor = info.getEncryptor();
        encryptor.confirmPassword("secret");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            try (OPCPackage opc = OPCPackage.open(docx.toFile(), PackageAccess.READ_WRITE); OutputStream os = encryptor.getDataStream(fs)) {
                opc.save(os);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
        return file;
    }

    /**
     * The .docx sample as a macro-enabled .docm: its main part typed as such and a VBA project part beside it
     * (an OLE2 container with the streams a VBA project has, not a compiled one).
     */
    static Path docm(Path folder) throws IOException {
        Path docx = Samples.docx(folder);
        String types = ZipRewriter.read(docx, "[Content_Types].xml")
                .replace("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                        "application/vnd.ms-word.document.macroEnabled.main+xml")
                .replace("</Types>", "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/></Types>");
        String rels = ZipRewriter.read(docx, "word/_rels/document.xml.rels");
        String vbaRelation = "<Relationship Id=\"rIdVba1\" Type=\"http://schemas.microsoft.com/office/2006/relationships/vbaProject\""
                + " Target=\"vbaProject.bin\"/>";
        rels = rels == null
                ? "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships"
                        + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" + vbaRelation + "</Relationships>"
                : rels.replace("</Relationships>", vbaRelation + "</Relationships>");
        java.io.ByteArrayOutputStream vba = new java.io.ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            var dir = fs.getRoot().createDirectory("VBA");
            dir.createDocument("dir", new java.io.ByteArrayInputStream(new byte[16]));
            dir.createDocument("Module1", new java.io.ByteArrayInputStream(
                    "Sub AutoOpen()\r\n Shell \"touch /tmp/never\"\r\nEnd Sub\r\n".getBytes(StandardCharsets.US_ASCII)));
            fs.createDocument(new java.io.ByteArrayInputStream("ID=\"{00000000-0000-0000-0000-000000000000}\"\r\n"
                    .getBytes(StandardCharsets.US_ASCII)), "PROJECT");
            fs.writeFilesystem(vba);
        }
        return new ZipRewriter().replace("[Content_Types].xml", types).replace("word/_rels/document.xml.rels", rels)
                .replace("word/vbaProject.bin", out -> vba.writeTo(out)).write(docx, folder.resolve("sample.docm"));
    }

    /**
     * A .odt with a LibreOffice Basic macro bound to the document's load event, which writes {@code marker}:
     * the marker exists exactly when the macro ran.
     */
    static Path macroOdt(Path folder, Path marker) throws IOException {
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content " + ODF_NS
                + " xmlns:script=\"urn:oasis:names:tc:opendocument:xmlns:script:1.0\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
                + " xmlns:dom=\"http://www.w3.org/2001/xml-events\" xmlns:ooo=\"http://openoffice.org/2004/office\" office:version=\"1.2\"><office:scripts><office:event-listeners>"
                + "<script:event-listener script:language=\"ooo:script\" script:event-name=\"dom:load\""
                + " xlink:href=\"vnd.sun.star.script:Standard.Module1.Main?language=Basic&amp;location=document\" xlink:type=\"simple\"/>"
                + "</office:event-listeners></office:scripts><office:body><office:text><text:p>Macro carrying walrus letter</text:p>"
                + "</office:text></office:body></office:document-content>";
        String module = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE script:module PUBLIC"
                + " \"-//OpenOffice.org//DTD OfficeDocument 1.0//EN\" \"module.dtd\">\n"
                + "<script:module xmlns:script=\"http://openoffice.org/2000/script\" script:name=\"Module1\" script:language=\"StarBasic\">"
                + "Sub Main\n Dim n As Integer\n n = FreeFile()\n Open &quot;" + marker + "&quot; For Output As #n\n"
                + " Print #n, &quot;the macro ran&quot;\n Close #n\nEnd Sub\n</script:module>";
        String manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest"
                + " xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
                + "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                + "<manifest:file-entry manifest:full-path=\"Basic/Standard/Module1.xml\" manifest:media-type=\"text/xml\"/>"
                + "<manifest:file-entry manifest:full-path=\"Basic/Standard/script-lb.xml\" manifest:media-type=\"text/xml\"/>"
                + "<manifest:file-entry manifest:full-path=\"Basic/script-lc.xml\" manifest:media-type=\"text/xml\"/>"
                + "</manifest:manifest>";
        Path odt = folder.resolve("macro.odt");
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(odt))) {
            byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            java.util.zip.ZipEntry first = new java.util.zip.ZipEntry("mimetype");
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(mimetype);
            first.setMethod(java.util.zip.ZipEntry.STORED);
            first.setSize(mimetype.length);
            first.setCompressedSize(mimetype.length);
            first.setCrc(crc.getValue());
            out.putNextEntry(first);
            out.write(mimetype);
            out.closeEntry();
            String[][] parts = {
                {"META-INF/manifest.xml", manifest},
                {"content.xml", content},
                {"Basic/script-lc.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<library:libraries"
                        + " xmlns:library=\"http://openoffice.org/2000/library\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
                        + "<library:library library:name=\"Standard\" library:link=\"false\"/></library:libraries>"},
                {"Basic/Standard/script-lb.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<library:library"
                        + " xmlns:library=\"http://openoffice.org/2000/library\" library:name=\"Standard\" library:readonly=\"false\""
                        + " library:passwordprotected=\"false\"><library:element library:name=\"Module1\"/></library:library>"},
                {"Basic/Standard/Module1.xml", module}};
            for (String[] part : parts) {
                out.putNextEntry(new java.util.zip.ZipEntry(part[0]));
                out.write(part[1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return odt;
    }
}
