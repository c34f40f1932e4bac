package org.paperless.commands.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Completion through Karaf's own argument completer, fed by the parser as the console feeds it. */
class CompletionTest {

    private static KarafShell shell;

    @BeforeAll
    static void shell() {
        shell = new KarafShell(OptionsAnywhereParser.class, CorrespondentAddCommand.class, TagChangeCommand.class,
                ConsumeCommand.class, ExportCommand.class, IndexCommand.class, TagCompleter.class,
                CommandObjectCompleter.class, OptionsAnywhereParserTest.Probe.class);
        // The console registers these for every session.
        shell.session.getRegistry().register(new FileCompleter());
    }

    @AfterAll
    static void close() {
        shell.close();
    }

    private static List<String> complete(String line) {
        CommandLine parsed = shell.forCompletion(line);
        List<Candidate> candidates = new ArrayList<>();
        shell.command(parsed.getArguments()[0]).getCompleter(false).completeCandidates(shell.session, parsed, candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    @Test
    void optionsCompleteAfterTheArgument() {
        CommandLine parsed = shell.forCompletion("paperless:correspondent-add Stadtwerke --ma");
        assertEquals(List.of("paperless:correspondent-add", "--ma", "Stadtwerke"), Arrays.asList(parsed.getArguments()));
        assertEquals("--ma", parsed.getCursorArgument());
        assertEquals(4, parsed.getArgumentPosition());
        assertTrue(complete("paperless:correspondent-add Stadtwerke --ma").contains("--match"));
    }

    @Test
    void optionValuesCompleteAfterTheArgument() {
        List<String> values = complete("paperless:correspondent-add Stadtwerke --algorithm ");
        assertTrue(values.containsAll(List.of("any", "regex", "fuzzy", "auto")), values.toString());
    }

    @Test
    void theWordAtTheCursorGoesWithItsOption() {
        CommandLine parsed = shell.forCompletion("paperless:consume a.pdf --tag ");
        assertEquals(List.of("paperless:consume", "--tag", "", "a.pdf"), Arrays.asList(parsed.getArguments()));
        assertEquals(2, parsed.getCursorArgumentIndex());
        assertEquals("", parsed.getCursorArgument());
        // As the console asks: the statement without its last blank, the cursor one past its end.
        String statement = "paperless:consume a.pdf --tag";
        parsed = shell.forCompletion(statement, statement.length() + 1);
        assertEquals(List.of("paperless:consume", "--tag", "", "a.pdf"), Arrays.asList(parsed.getArguments()));
        assertEquals("", parsed.getCursorArgument());
        assertEquals(0, parsed.getArgumentPosition());
    }

    @Test
    void aWordInTheMiddleCompletesInPlace() {
        String line = "paperless:consume a.pdf  --tag Inbox";
        CommandLine parsed = shell.forCompletion(line, line.indexOf("  ") + 1);
        assertEquals(List.of("paperless:consume", "--tag", "Inbox", "a.pdf", ""), Arrays.asList(parsed.getArguments()));
        assertEquals(4, parsed.getCursorArgumentIndex());
        parsed = shell.forCompletion(line, line.indexOf("Inb") + 2);
        assertEquals("Inbox", parsed.getCursorArgument());
        assertEquals(2, parsed.getArgumentPosition());
        assertEquals(2, parsed.getCursorArgumentIndex());
    }

    @Test
    void filesCompleteAfterOptions(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("export-2024.zip"));
        List<String> values = complete("paperless:export --zip " + dir + "/ex");
        assertEquals(List.of(dir + "/export-2024.zip"), values);
        values = complete("paperless:export " + dir + "/ex --zip");
        assertTrue(values.contains("--zip-name"), values.toString());
    }

    @Test
    void indexCompletesItsActionsAndOptions() {
        assertEquals(List.of("optimize", "reindex"), complete("paperless:index ").stream().sorted().toList());
        assertTrue(complete("paperless:index reindex --re").contains("--recreate"));
    }

    @Test
    void namesCompleteAsOneWordOfTheShell() throws Exception {
        assertEquals("Bank\\ Statements\\ \\(old\\)\\ \\#2", ShellWords.escape("Bank Statements (old) #2"));
        for (String name : List.of("Bank Statements", "A&B (old)", "it's \"quoted\"", "$HOME; {x} [y] #1 a=b | c")) {
            OptionsAnywhereParserTest.Probe p = (OptionsAnywhereParserTest.Probe) shell.execute(
                    "test:probe " + ShellWords.escape(name) + " --tag " + ShellWords.escape(name));
            assertEquals(name, p.name);
            assertEquals(List.of(name), p.tags);
        }
    }
}
