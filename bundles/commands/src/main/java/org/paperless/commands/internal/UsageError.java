package org.paperless.commands.internal;

import static org.apache.karaf.shell.support.ansi.SimpleAnsi.COLOR_DEFAULT;
import static org.apache.karaf.shell.support.ansi.SimpleAnsi.COLOR_RED;
import static org.apache.karaf.shell.support.ansi.SimpleAnsi.INTENSITY_BOLD;
import static org.apache.karaf.shell.support.ansi.SimpleAnsi.INTENSITY_NORMAL;

import org.apache.karaf.shell.support.CommandException;

/** A command line that cannot run, told the way Karaf tells it, followed by the command's syntax. */
final class UsageError {

    private UsageError() {
    }

    /**
     * Throws Karaf's CommandException, whose "nice help" the console prints as it is (the parser interface
     * declares no checked exception, the console catches any).
     */
    static void raise(CommandSyntax syntax, String problem) {
        UsageError.<RuntimeException>raise(exception(syntax, problem));
    }

    static CommandException exception(CommandSyntax syntax, String problem) {
        String help = COLOR_RED + "Error executing command " + syntax.command() + ": " + problem + COLOR_DEFAULT
                + System.lineSeparator() + INTENSITY_BOLD + "SYNTAX" + INTENSITY_NORMAL + "  " + syntax.syntax()
                + System.lineSeparator() + "        options may come before or after the arguments; "
                + syntax.command() + " --help describes them";
        String message = Character.toUpperCase(problem.charAt(0)) + problem.substring(1) + " (syntax: "
                + syntax.syntax() + ")";
        return new CommandException(help, message);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Exception> void raise(Exception e) throws E {
        throw (E) e;
    }
}
