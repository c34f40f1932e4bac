package org.paperless.matching.internal.classifier;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The auto classifier's settings (PID {@value ClassifierComponent#PID}). */
@ObjectClassDefinition(id = ClassifierComponent.PID, name = "Paperless auto classifier",
        description = "Learns correspondents, types, storage paths and tags with the AUTO algorithm")
@interface ClassifierConfig {

    @AttributeDefinition(name = "Minimum confidence", description = "Below this probability nothing is assigned")
    double minConfidence() default 0.3;

    @AttributeDefinition(name = "Training documents", description = "Learn from at most this many documents, the newest")
    int maxDocuments() default 10_000;
}
