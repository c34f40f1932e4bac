package org.paperless.plugins.parser.office;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.tika.detect.microsoft.POIFSContainerDetector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.paperless.api.parser.ParseException;

/**
 * An OLE2 compound file can be many things (Word, Excel, PowerPoint, an Outlook mail, a Visio drawing, an
 * encrypted .docx): its directory says which, before any parser runs. Only the first three are read.
 */
final class Ole2Check {

    private static final String ENCRYPTED_OOXML = "application/x-tika-ooxml-protected";

    private Ole2Check() {
    }

    static void check(Path file, String name) throws ParseException {
        String type;
        try (TikaInputStream in = TikaInputStream.get(file)) {
            type = new POIFSContainerDetector().detect(in, new Metadata()).getBaseType().toString();
        } catch (IOException | RuntimeException e) {
            throw new ParseException("The document " + name + " is damaged or truncated and cannot be read: "
                    + e.getMessage(), e);
        }
        if (ENCRYPTED_OOXML.equals(type)) {
            throw new ParseException("The document " + name + " " + TikaReader.ENCRYPTED);
        }
        if (OfficeMimeTypes.OLE2.equals(type)) {
            // The directory names none of the streams any known kind has: cut off, or not a document at all.
            throw new ParseException("The document " + name + " is damaged or truncated: its OLE2 directory holds no"
                    + " Word, Excel or PowerPoint content");
        }
        if (OfficeType.of(type).isEmpty()) {
            throw new ParseException("The file " + name + " is not a Word, Excel or PowerPoint document this plugin"
                    + " reads (it is " + type + "), or it is damaged");
        }
    }
}
