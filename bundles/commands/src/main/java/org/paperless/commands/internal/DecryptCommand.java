package org.paperless.commands.internal;

import java.util.Arrays;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.maintenance.Decrypter;
import org.paperless.api.maintenance.MaintenanceReport;

/** paperless-ngx's decrypt_documents: the GPG-encrypted originals and thumbnails of older versions, decrypted in place. */
@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "decrypt", description = "Decrypt the originals and thumbnails older paperless "
        + "versions stored GPG-encrypted (decrypt_documents); crash-safe, and a second run finishes an interrupted one")
public class DecryptCommand implements Action {

    @Option(name = "--passphrase", description = "The passphrase the files were encrypted with (PAPERLESS_PASSPHRASE "
            + "of the instance that stored them)")
    String passphrase;

    @Option(name = "--no-progress-bar", description = "No progress line")
    boolean noProgress;

    @Option(name = "--no-format", description = "Problems as tab-separated values, without header")
    boolean noFormat;

    @Reference(optional = true)
    Decrypter decrypter;

    @Override
    public Object execute() throws Exception {
        if (passphrase == null || passphrase.isEmpty()) {
            throw new IllegalArgumentException("Give the passphrase the files were encrypted with as --passphrase");
        }
        Decrypter service = Capabilities.backup(decrypter);
        char[] secret = passphrase.toCharArray();
        MaintenanceReport report;
        try {
            report = service.decrypt(secret, ProgressLine.of(noProgress, "Decrypted"));
        } finally {
            Arrays.fill(secret, '\0');
            ProgressLine.end(noProgress);
        }
        if (!report.problems().isEmpty()) {
            Table table = new Table().rightColumn("Document").wideColumn("Problem", 100);
            report.problems().forEach(p -> table.row(p.documentId(), p.reason()));
            table.print(System.out, noFormat);
        }
        String summary = String.format("%d documents: %d decrypted, %d had nothing encrypted, %d could not be decrypted",
                report.documents(), report.changed(), report.unchanged(), report.problems().size());
        if (!report.ok()) {
            throw new IllegalStateException(summary + ". Those are left as they are; run paperless:decrypt again once "
                    + "their problem is solved");
        }
        System.out.println(summary);
        return null;
    }
}
