package org.paperless.archive.pdfa.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The archiver's settings (PID {@value GhostscriptArchiver#PID}). */
@ObjectClassDefinition(id = GhostscriptArchiver.PID, name = "Paperless PDF/A archiver",
        description = "How archive copies of PDFs with text are written")
@interface ArchiveConfig {

    @AttributeDefinition(name = "Ghostscript", description = "The gs executable, a name on the PATH or a full path")
    String ghostscript() default "gs";

    @AttributeDefinition(name = "Timeout", description = "Seconds one document may take before it is given up")
    int timeoutSeconds() default 300;

    @AttributeDefinition(name = "Processes",
            description = "Ghostscript processes kept for archive copies; 0 = the number of cores")
    int processes() default 0;
}
