package org.paperless.plugins.parser.office;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The settings a job's fresh LibreOffice profile starts with. --convert-to already loads documents without
 * running their macros; these make sure of it whatever the load mode, and keep a document from pulling in
 * other files or URLs (linked sections and INCLUDETEXT fields, DDE and external references, linked images).
 */
final class ProfileSettings {

    private static final String[][] ITEMS = {
        // Macros: none at all (DisableMacrosExecution), none even when signed (level 3 = very high), and
        // Word/Excel VBA is neither run nor kept for running.
        {"/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "true"},
        {"/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "3"},
        {"/org.openoffice.Office.Writer/Filter/Import/VBA", "Executable", "false"},
        {"/org.openoffice.Office.Calc/Filter/Import/VBA", "Executable", "false"},
        // Links are never updated on load: Writer 0 = never, Calc 1 = never.
        {"/org.openoffice.Office.Writer/Content/Update", "Link", "0"},
        {"/org.openoffice.Office.Calc/Content/Update", "Link", "1"},
        // Images and other resources are not fetched from where a document points.
        {"/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "true"},
    };

    private ProfileSettings() {
    }

    /** Writes {@code user/registrymodifications.xcu} into an empty profile folder. */
    static void writeTo(Path profile) throws IOException {
        StringBuilder xcu = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                """);
        for (String[] item : ITEMS) {
            xcu.append("<item oor:path=\"").append(item[0]).append("\"><prop oor:name=\"").append(item[1])
                    .append("\" oor:op=\"fuse\"><value>").append(item[2]).append("</value></prop></item>\n");
        }
        xcu.append("</oor:items>\n");
        Path user = Files.createDirectories(profile.resolve("user"));
        Files.writeString(user.resolve("registrymodifications.xcu"), xcu, StandardCharsets.UTF_8);
    }
}
