package org.paperless.commands.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.matching.DocumentClassifier;

/** paperless-ngx's document_create_classifier. */
@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "classifier-train", description = "Train the auto classifier now "
        + "(document_create_classifier); without --force only when documents or AUTO objects changed")
public class ClassifierTrainCommand implements Action {

    @Option(name = "--force", description = "Train even when nothing changed")
    boolean force;

    @Reference(optional = true)
    DocumentClassifier classifier;

    @Override
    public Object execute() {
        DocumentClassifier.TrainingResult result = Capabilities.matching(classifier).train(force);
        System.out.println((result.trained() ? "Trained: " : "Not trained: ") + result.message() + " ("
                + result.millis() + " ms)");
        return null;
    }
}
