package org.paperless.backup.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.paperless.api.backup.ExportVerifier;
import org.paperless.api.backup.Progress;
import org.paperless.api.backup.VerifyReport;

/** Like {@code restic check --read-data}: every byte of an export read and compared with its manifest. */
@Component(service = ExportVerifier.class)
public class VerifierComponent implements ExportVerifier {

    @Override
    public VerifyReport verify(Path export, Progress progress) throws IOException {
        try (ExportSource source = ExportSource.open(export)) {
            ExportCheck.Result result = ExportCheck.run(source, Json.mapper(), progress == null ? Progress.NONE : progress);
            List<String> extra = source.names().stream().filter(name -> !result.referenced().contains(name)).toList();
            return new VerifyReport(result.documents(), result.checked(), result.missing(), result.changed(), extra);
        }
    }
}
