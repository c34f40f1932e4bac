package org.paperless.backup.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A manifest as a paperless-ngx version's exporter writes it: every record in its form ({@link NgxShape}), and the
 * models in its order, however the export met them. Each model's records wait in a file of their own beside the
 * manifest (so memory stays flat), and are joined in order when it closes. A per-document manifest keeps the
 * order it is given (the document, its notes, its values), as paperless-ngx's.
 */
final class NgxManifest implements ManifestOut {

    private static final byte[] BETWEEN = ",\n".getBytes(StandardCharsets.UTF_8);

    private final NgxShape shape;
    private final ObjectWriter writer;
    private final Path file;
    private final boolean inModelOrder;
    private final Map<String, Section> sections = new HashMap<>();
    private final Section direct;

    /** A section's file and whether it holds a record yet. */
    private static final class Section {
        final Path file;
        final OutputStream out;
        boolean any;

        Section(Path file) throws IOException {
            this.file = file;
            this.out = Files.newOutputStream(file);
        }

        void add(byte[] record) throws IOException {
            if (any) {
                out.write(BETWEEN);
            }
            out.write(record);
            any = true;
        }
    }

    /** @param inModelOrder the main manifest (models in order) rather than one document's */
    NgxManifest(NgxShape shape, ObjectMapper mapper, Path file, boolean inModelOrder) throws IOException {
        this.shape = shape;
        this.writer = mapper.writerWithDefaultPrettyPrinter();
        this.file = file;
        this.inModelOrder = inModelOrder;
        this.direct = inModelOrder ? null : new Section(file);
        if (direct != null) {
            direct.out.write('[');
            direct.out.write('\n');
        }
    }

    @Override
    public void write(ObjectNode record) throws IOException {
        ObjectNode shaped = shape.shape(record);
        if (shaped == null) {
            return;
        }
        byte[] bytes = writer.writeValueAsBytes(shaped);
        if (!inModelOrder) {
            direct.add(bytes);
            return;
        }
        String model = shaped.path("model").asText();
        Section section = sections.get(model);
        if (section == null) {
            // Beside the manifest's scratch file, named so that a later export removes what a broken one left.
            section = new Section(file.resolveSibling(file.getFileName() + "." + model + ".json.tmp"));
            sections.put(model, section);
        }
        section.add(bytes);
    }

    @Override
    public void close() throws IOException {
        if (!inModelOrder) {
            try (OutputStream out = direct.out) {
                out.write("\n]\n".getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        try {
            for (Section s : sections.values()) {
                s.out.close();
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write('[');
                out.write('\n');
                boolean first = true;
                for (String model : shape.version().order()) {
                    Section s = sections.get(model);
                    if (s == null || !s.any) {
                        continue;
                    }
                    if (!first) {
                        out.write(BETWEEN);
                    }
                    Files.copy(s.file, out);
                    first = false;
                }
                out.write("\n]\n".getBytes(StandardCharsets.UTF_8));
            }
        } finally {
            for (Section s : sections.values()) {
                Files.deleteIfExists(s.file);
            }
        }
    }
}
