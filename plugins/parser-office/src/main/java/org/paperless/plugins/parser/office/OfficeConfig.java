package org.paperless.plugins.parser.office;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The plugin's settings (PID {@value OfficeDocumentParser#PID}), all optional. */
@ObjectClassDefinition(id = OfficeDocumentParser.PID, name = "Paperless office documents",
        description = "How office documents are converted to their PDF/A archive copy")
@interface OfficeConfig {

    @AttributeDefinition(name = "LibreOffice", description = "The soffice executable, a name on the PATH or a full path")
    String soffice() default "soffice";

    @AttributeDefinition(name = "Timeout",
            description = "Seconds one conversion may take; then LibreOffice and everything it started is killed")
    int timeoutSeconds() default 300;

    @AttributeDefinition(name = "Processes",
            description = "LibreOffice processes that may run at once (one per document); 0 = the number of cores")
    int processes() default 0;
}
