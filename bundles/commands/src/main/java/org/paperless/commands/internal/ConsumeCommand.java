package org.paperless.commands.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.paperless.api.consumer.ConsumeOverrides;
import org.paperless.api.consumer.DocumentConsumer;

/** Consumes files now and says, per file, the new document's id or why it was refused. */
@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "consume",
        description = "Consume files now: prints the new document id, or the reason a file was refused (it then goes to failed/)")
public class ConsumeCommand implements Action {

    @Option(name = "--title", description = "Title instead of the file name")
    String title;

    @Completion(CorrespondentCompleter.class)
    @Option(name = "--correspondent", aliases = "-c", description = "Correspondent id or name")
    String correspondent;

    @Completion(DocumentTypeCompleter.class)
    @Option(name = "--type", aliases = "-t", description = "Document type id or name")
    String documentType;

    @Completion(StoragePathCompleter.class)
    @Option(name = "--storage-path", aliases = "-s", description = "Storage path id or name: files the document under its format")
    String storagePath;

    @Completion(TagCompleter.class)
    @Option(name = "--tag", aliases = "-T", description = "Tag id or name (repeat for several)", multiValued = true)
    List<String> tags;

    @Completion(FileCompleter.class)
    @Argument(index = 0, name = "file", description = "Files, or folders whose files are all consumed"
            + " (absolute paths, or relative to where Karaf runs)", required = true, multiValued = true)
    List<String> files;

    @Reference(optional = true)
    DocumentConsumer consumer;

    @Override
    public Object execute() {
        DocumentConsumer c = Capabilities.consumer(consumer);
        ConsumeOverrides overrides = new ConsumeOverrides(title, correspondent, documentType, tags, storagePath);
        List<Path> paths = expand(files);
        int[] refused = {0};
        try {
            // Read side by side as the consumer's pool allows; each line printed in the order given.
            c.consumeAll(paths, overrides, outcome -> {
                if (outcome.failure() == null) {
                    System.out.println(outcome.file() + ": document " + outcome.document().id());
                } else {
                    refused[0]++;
                    System.out.println(outcome.file() + ": refused: " + outcome.failure().getMessage());
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted; the files not yet consumed are where they were", e);
        }
        if (refused[0] > 0) {
            throw new IllegalStateException(refused[0] + " of " + paths.size() + " files were not consumed");
        }
        return null;
    }

    /** A folder stands for the files directly in it, hidden ones left out, in name order. */
    private static List<Path> expand(List<String> names) {
        List<Path> result = new ArrayList<>();
        for (String name : names) {
            Path p = Path.of(name);
            if (!Files.isDirectory(p)) {
                result.add(p);
                continue;
            }
            try (Stream<Path> children = Files.list(p)) {
                children.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                        .sorted().forEach(result::add);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + p + ": " + e.getMessage(), e);
            }
        }
        return result;
    }
}
