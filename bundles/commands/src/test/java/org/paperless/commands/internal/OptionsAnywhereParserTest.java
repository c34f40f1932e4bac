package org.paperless.commands.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Statements run through Karaf's real shell: its parser, Gogo, and the preparator that fills the fields. */
class OptionsAnywhereParserTest {

    /** Says what the preparator put into its fields. */
    @Service
    @Parsing(OptionsAnywhereParser.class)
    @Command(scope = "test", name = "probe", description = "Fields as the preparator filled them")
    public static class Probe implements Action {

        @Option(name = "--match", aliases = "-m")
        String match;

        @Option(name = "--tag", aliases = "-T", multiValued = true)
        List<String> tags;

        @Option(name = "--inbox")
        boolean inbox;

        @Option(name = "--limit", aliases = "-l")
        int limit;

        @Argument(index = 0, name = "name", required = true)
        String name;

        @Argument(index = 1, name = "more", multiValued = true)
        List<String> more;

        /** The last one run, for the interactive console, which prints rather than returns results. */
        static volatile Probe last;

        @Override
        public Object execute() {
            last = this;
            System.out.println("probe " + name + " " + match + " " + tags + " " + inbox + " " + limit + " " + more);
            return this;
        }
    }

    private static KarafShell shell;

    @BeforeAll
    static void shell() {
        shell = new KarafShell(OptionsAnywhereParser.class, Probe.class, CorrespondentAddCommand.class,
                StoragePathAddCommand.class, RetagCommand.class, SearchCommand.class, ConsumeCommand.class,
                IndexCommand.class, DocumentShowCommand.class);
    }

    @AfterAll
    static void close() {
        shell.close();
    }

    private static Probe probe(String line) throws Exception {
        return (Probe) shell.execute(line);
    }

    @Test
    void optionsAfterTheArgumentGoInFront() {
        assertEquals("paperless:correspondent-add --match strom Stadtwerke",
                shell.rewritten("paperless:correspondent-add Stadtwerke --match strom"));
    }

    @Test
    void aRealCommandGetsPastThePreparator() {
        // The preparator accepted the line: the command itself ran and found no storage.
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> shell.execute("paperless:correspondent-add Stadtwerke --match strom -a literal"));
        assertTrue(e.getMessage().startsWith("Storage is not available"), e.getMessage());
    }

    @Test
    void quotedValuesWithSpacesStayWhole() throws Exception {
        Probe p = probe("test:probe \"Bank Statements\" --match 'strom  gas' -T \"a b\"");
        assertEquals("Bank Statements", p.name);
        assertEquals("strom  gas", p.match);
        assertEquals(List.of("a b"), p.tags);
    }

    @Test
    void equalsFormKeepsItsQuotedValue() throws Exception {
        Probe p = probe("test:probe Stadtwerke --match=\"strom  gas\" --limit=7");
        assertEquals("Stadtwerke", p.name);
        assertEquals("strom  gas", p.match);
        assertEquals(7, p.limit);
        assertEquals("test:probe --match=\"strom  gas\" --limit=7 Stadtwerke",
                shell.rewritten("test:probe Stadtwerke --match=\"strom  gas\" --limit=7"));
    }

    @Test
    void escapedBlanksStayInTheWord() throws Exception {
        Probe p = probe("test:probe Bank\\ Statements --tag Tax\\ 2024");
        assertEquals("Bank Statements", p.name);
        assertEquals(List.of("Tax 2024"), p.tags);
    }

    @Test
    void multiValuedOptionsCollectFromEverywhere() throws Exception {
        Probe p = probe("test:probe a -T x b --tag \"y z\" c --tag=w");
        assertEquals("a", p.name);
        assertEquals(List.of("x", "y z", "w"), p.tags);
        assertEquals(List.of("b", "c"), p.more);
    }

    @Test
    void booleansTakeNoValue() throws Exception {
        Probe p = probe("test:probe a --inbox b");
        assertTrue(p.inbox);
        assertEquals("a", p.name);
        assertEquals(List.of("b"), p.more);
    }

    @Test
    void negativeLookingValuesStayTheOptionsValue() throws Exception {
        Probe p = probe("test:probe a --tag -Inbox --limit -5 -m --inbox");
        assertEquals(List.of("-Inbox"), p.tags);
        assertEquals(-5, p.limit);
        assertEquals("--inbox", p.match);
        assertFalse(p.inbox);
    }

    @Test
    void doubleDashEndsTheOptions() throws Exception {
        Probe p = probe("test:probe --inbox a -- --limit -x");
        assertTrue(p.inbox);
        assertEquals(0, p.limit);
        assertEquals(List.of("--limit", "-x"), p.more);
        assertEquals("test:probe --inbox a --limit -x", shell.rewritten("test:probe --inbox a -- --limit -x"));
    }

    @Test
    void optionsBeforeAndAfterMix() throws Exception {
        Probe p = probe("test:probe -m before a --inbox b -l 3");
        assertEquals("before", p.match);
        assertTrue(p.inbox);
        assertEquals(3, p.limit);
        assertEquals(List.of("b"), p.more);
    }

    @Test
    void unknownDashWordsAfterArgumentsStayArguments() throws Exception {
        Probe p = probe("test:probe a b -x --inbox");
        assertEquals(List.of("b", "-x"), p.more);
        assertTrue(p.inbox);
        // Lucene's "not": the query keeps its word, the option goes in front.
        assertEquals("paperless:search --limit 5 invoice -draft", shell.rewritten("paperless:search invoice -draft --limit 5"));
    }

    @Test
    void idRangeTakesItsFirstIdAndTheArgumentTheLast() {
        assertEquals("paperless:retag --id-range 1 -c 100", shell.rewritten("paperless:retag --id-range 1 100 -c"));
    }

    @Test
    void optionsInsideACommentStayThere() throws Exception {
        Probe p = probe("test:probe a # --inbox");
        assertFalse(p.inbox);
        assertEquals("test:probe --limit 2 a # --inbox b", shell.rewritten("test:probe a --limit 2 # --inbox b"));
    }

    @Test
    void everyStatementIsArrangedByItself() {
        assertEquals("test:probe --inbox a ; test:probe -m x b | test:probe --inbox c",
                shell.rewritten("test:probe a --inbox; test:probe b -m x | test:probe c --inbox"));
    }

    @Test
    void variablesAreLeftToTheShell() throws Exception {
        shell.execute("who = Stadtwerke");
        Probe p = probe("test:probe $who --inbox");
        assertEquals("Stadtwerke", p.name);
        assertTrue(p.inbox);
    }

    @Test
    void helpStillShowsTheUsage() throws Exception {
        assertNull(shell.execute("test:probe a --help"));
        assertTrue(shell.output().contains("SYNTAX"), shell.output());
    }

    @Test
    void tooManyArgumentsComeWithTheSyntax() {
        CommandException e = assertThrows(CommandException.class,
                () -> shell.execute("paperless:correspondent-add Stadtwerke Strom --match strom"));
        assertTrue(e.getNiceHelp().contains("too many arguments specified"), e.getNiceHelp());
        assertTrue(e.getNiceHelp().contains("SYNTAX"), e.getNiceHelp());
        assertTrue(e.getNiceHelp().contains("paperless:correspondent-add [options] name"), e.getNiceHelp());
    }

    @Test
    void otherRefusalsComeWithTheSyntaxToo() {
        assertProblem("test:probe -x a", "undefined option -x");
        assertProblem("test:probe a --match", "missing value for option --match");
        assertProblem("test:probe --inbox", "argument name is required");
        assertProblem("paperless:storage-path-add Name", "option --path is required");
        assertProblem("paperless:document-show 1 2", "too many arguments specified");
    }

    private static void assertProblem(String line, String problem) {
        CommandException e = assertThrows(CommandException.class, () -> shell.execute(line));
        assertTrue(e.getNiceHelp().contains(problem), e.getNiceHelp());
        assertTrue(e.getMessage().contains("syntax: "), e.getMessage());
    }

    @Test
    void indexTakesItsOptionsAfterTheAction() {
        assertEquals("paperless:index --recreate --no-progress-bar reindex",
                shell.rewritten("paperless:index reindex --recreate --no-progress-bar"));
    }

    @Test
    void aValueOfTheWrongTypeIsStillThePreparatorsToRefuse() {
        CommandException e = assertThrows(CommandException.class, () -> shell.execute("test:probe a --limit many"));
        assertTrue(e.getMessage().contains("Unable to convert option --limit"), e.getMessage());
    }

    @Test
    void theFilesOfConsumeKeepTheirOrder() {
        assertEquals("paperless:consume --tag Inbox -c \"Stadtwerke Nord\" a.pdf b.pdf c.pdf",
                shell.rewritten("paperless:consume a.pdf --tag Inbox b.pdf -c \"Stadtwerke Nord\" c.pdf"));
    }

    @Test
    void parsedStatementKeepsTheBufferKarafNeeds() {
        assertInstanceOf(ParsedStatement.class, shell.forCompletion("test:probe a --inbox"));
        assertEquals("test:probe a --inbox ", shell.forCompletion("test:probe a --inbox ").getBuffer());
    }
}
