package org.paperless.commands.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lines typed at Karaf's interactive console, which runs what the parser hands back for the line rather than
 * asking it to rewrite each statement.
 */
class InteractiveConsoleTest {

    private static KarafShell shell;
    private static KarafConsole console;

    private static final String[] KARAF_FOLDERS = {"karaf.home", "karaf.etc", "karaf.data"};

    @BeforeAll
    static void console(@TempDir Path karaf) throws Exception {
        // The console reads its settings and keeps its history there; empty ones do.
        for (String folder : KARAF_FOLDERS) {
            System.setProperty(folder, karaf.toString());
        }
        shell = new KarafShell(OptionsAnywhereParser.class, OptionsAnywhereParserTest.Probe.class, TagAddCommand.class);
        console = shell.console();
    }

    @AfterAll
    static void close() throws Exception {
        console.close();
        shell.close();
        for (String folder : KARAF_FOLDERS) {
            System.clearProperty(folder);
        }
    }

    @Test
    void optionsAfterArgumentsWork() throws Exception {
        String screen = console.enter("test:probe Stadtwerke --match \"strom  gas\" -T x more", "probe Stadtwerke strom");
        assertTrue(screen.contains("probe Stadtwerke strom  gas [x] false 0 [more]"), screen);
    }

    @Test
    void everyStatementOfTheLineRuns() throws Exception {
        String screen = console.enter("echo first-of-three ; test:probe one --inbox ; test:probe two -l 2", "probe two null");
        assertTrue(screen.contains("first-of-three"), screen);
        assertTrue(screen.contains("probe one null null true 0 null"), screen);
        assertTrue(screen.contains("probe two null null false 2 null"), screen);
    }

    @Test
    void aRealCommandGetsPastThePreparator() throws Exception {
        String screen = console.enter("paperless:tag-add Invoices --inbox --color ff0000", "Storage is not available");
        assertTrue(!screen.contains("too many arguments"), screen);
    }
}
