package org.paperless.archive.pdfa.internal;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The PostScript prologue that makes Ghostscript's pdfwrite emit PDF/A: an OutputIntent carrying an sRGB
 * profile. The profile is the JDK's own, written beside the prologue, so nothing depends on where a
 * distribution keeps Ghostscript's (Debian's is behind a symlink that -dSAFER will not follow).
 */
final class PdfaDefinition {

    static final String PROFILE_FILE = "srgb.icc";
    static final String PROLOGUE_FILE = "pdfa-def.ps";
    /** Where jobs put their source link and output: the only folder gs may write to. */
    static final String JOBS_FOLDER = "jobs";

    private final Path folder;

    private PdfaDefinition(Path folder) {
        this.folder = folder;
    }

    /** Writes the profile and the prologue into the folder (created if needed). */
    static PdfaDefinition writeTo(Path folder) throws IOException {
        Files.createDirectories(folder.resolve(JOBS_FOLDER));
        // gs compares the paths it may read as strings: no "..", no symlink in what we give it.
        folder = folder.toRealPath();
        Path profile = folder.resolve(PROFILE_FILE);
        Files.write(profile, ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
        Files.writeString(folder.resolve(PROLOGUE_FILE), prologue(profile), StandardCharsets.US_ASCII);
        return new PdfaDefinition(folder);
    }

    Path folder() {
        return folder;
    }

    Path prologue() {
        return folder.resolve(PROLOGUE_FILE);
    }

    Path jobs() {
        return folder.resolve(JOBS_FOLDER);
    }

    /** pdfwrite always has an open output; between jobs it is this file. */
    Path idleOutput() {
        return jobs().resolve("idle.pdf");
    }

    private static String prologue(Path profile) {
        String path = profile.toString().replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
        return String.join("\n",
                "% Written by Paperless: the PDF/A output intent for Ghostscript's pdfwrite.",
                "[/_objdef {icc_PDFA} /type /stream /OBJ pdfmark",
                "[{icc_PDFA} << /N 3 >> /PUT pdfmark",
                "[{icc_PDFA} (" + path + ") (r) file /PUT pdfmark",
                "[/_objdef {OutputIntent_PDFA} /type /dict /OBJ pdfmark",
                "[{OutputIntent_PDFA} << /Type /OutputIntent /S /GTS_PDFA1 /DestOutputProfile {icc_PDFA}",
                "  /OutputConditionIdentifier (sRGB IEC61966-2.1) /RegistryName (http://www.color.org) >> /PUT pdfmark",
                "[{Catalog} << /OutputIntents [ {OutputIntent_PDFA} ] >> /PUT pdfmark",
                "");
    }
}
