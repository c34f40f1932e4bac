package org.paperless.api.matching;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The auto classifier: learns from the stored documents which correspondent, type, storage path and tags
 * go with which text, for the objects whose matching algorithm is AUTO.
 */
@ProviderType
public interface DocumentClassifier {

    /**
     * Trains a new model when documents or AUTO assignments changed since the last training, or always
     * with {@code force}; the new model replaces the old one only when training succeeded.
     */
    TrainingResult train(boolean force);

    /** What the current model predicts for a text, above the minimum confidence; empty without a model. */
    Matches predict(String content);

    /**
     * @param trained false when nothing changed since the last training (or there is nothing to learn)
     * @param message what happened, for a person
     */
    record TrainingResult(boolean trained, int documents, long millis, String message) {
    }
}
