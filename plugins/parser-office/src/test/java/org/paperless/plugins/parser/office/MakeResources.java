package org.paperless.plugins.parser.office;

import java.nio.file.Path;

/** Writes the POI samples into a folder, for making the LibreOffice ones in src/test/resources (see the README there). */
final class MakeResources {

    private MakeResources() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        Samples.docx(folder);
        Samples.xlsx(folder);
        Samples.pptx(folder);
    }
}
