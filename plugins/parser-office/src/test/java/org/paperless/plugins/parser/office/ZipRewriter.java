package org.paperless.plugins.parser.office;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Copies a zip-based document part by part, with some parts replaced or added: how the hostile files are made. */
final class ZipRewriter {

    /** Writes one part's content. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Map<String, Content> replaced = new LinkedHashMap<>();

    ZipRewriter replace(String part, String xml) {
        return replace(part, out -> out.write(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    ZipRewriter replace(String part, Content content) {
        replaced.put(part, content);
        return this;
    }

    /** Parts of the source in their order (a stored "mimetype" stays first and stored), then the new ones. */
    Path write(Path source, Path target) throws IOException {
        Map<String, Content> left = new LinkedHashMap<>(replaced);
        try (ZipFile zip = new ZipFile(source.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                Content content = left.remove(entry.getName());
                if (content == null) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        byte[] bytes = in.readAllBytes();
                        put(out, entry.getName(), entry.getMethod() == ZipEntry.STORED, o -> o.write(bytes));
                    }
                } else {
                    put(out, entry.getName(), false, content);
                }
            }
            for (Map.Entry<String, Content> added : left.entrySet()) {
                put(out, added.getKey(), false, added.getValue());
            }
        }
        return target;
    }

    private static void put(ZipOutputStream out, String name, boolean stored, Content content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        if (stored) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            content.writeTo(bytes);
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(bytes.size());
            entry.setCompressedSize(bytes.size());
            entry.setCrc(crc.getValue());
            out.putNextEntry(entry);
            bytes.writeTo(out);
        } else {
            out.putNextEntry(entry);
            content.writeTo(out);
        }
        out.closeEntry();
    }

    static String read(Path zipFile, String part) throws IOException {
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            ZipEntry entry = zip.getEntry(part);
            if (entry == null) {
                return null;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
    }
}
