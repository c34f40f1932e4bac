package org.paperless.commands.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Command;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Parser;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.parsing.DefaultParser;
import org.apache.karaf.shell.support.parsing.GogoParser;

/**
 * Lets options come anywhere on a paperless command line, as with paperless-ngx's management commands:
 * {@code paperless:correspondent-add Stadtwerke --match strom} runs as
 * {@code paperless:correspondent-add --match strom Stadtwerke}. Karaf asks a command's parser to rewrite each
 * statement before the shell runs it (a command names it with {@code @Parsing}); this one moves the options
 * the command knows in front of its arguments, word for word as typed, so quoting and escapes survive.
 * Completion sees the same order, so options and their values complete after arguments too.
 * A statement the preparator would refuse is refused here, with the command's syntax.
 */
@Service
public class OptionsAnywhereParser implements Parser {

    private final Map<Class<?>, CommandSyntax> syntaxes = new ConcurrentHashMap<>();

    @Override
    public CommandLine parse(Session session, String command, int cursor) {
        ParsedStatement statement = statement(session, command, cursor);
        return ConsoleLine.around(session, command, cursor).flatMap(line -> rewritten(session, line))
                .map(statement::running).orElse(statement);
    }

    private ParsedStatement statement(Session session, String command, int cursor) {
        StatementWords words = StatementWords.split(command, cursor);
        String buffer = command.substring(0, words.end());
        int offset = words.cursorOffset(cursor);
        CommandSyntax syntax = ours(session, words.texts().get(0)) ? syntaxes.computeIfAbsent(
                ActionClasses.of(session, words.texts().get(0)).orElseThrow(), CommandSyntax::of) : null;
        if (syntax == null) {
            return new ParsedStatement(asTyped(words.texts(), words.cursorIndex()), offset, cursor, buffer,
                    asTyped(words.typedTexts(), -1), null);
        }
        return new ParsedStatement(OptionsFirst.arrange(words.texts(), syntax, words.cursorIndex()), offset, cursor,
                buffer, OptionsFirst.arrange(words.typedTexts(), syntax, -1), syntax);
    }

    /**
     * A whole console line as the shell should run it: the statements of commands that name this parser with
     * their options first, every other statement as typed. Empty when the line cannot be split yet (an open
     * quote): the console then asks for more anyway.
     */
    private Optional<String> rewritten(Session session, String line) {
        StringBuilder run = new StringBuilder();
        try {
            int pos = 0;
            while (pos < line.length()) {
                String rest = line.substring(pos);
                String name = new GogoParser(rest, rest.length()).value();
                int length;
                if (ours(session, name)) {
                    ParsedStatement statement = statement(session, rest, rest.length());
                    run.append(String.join(" ", statement.runWords()));
                    length = statement.getBuffer().length();
                } else {
                    length = parserOf(session, name).parse(session, rest, rest.length()).getBuffer().length();
                    run.append(rest, 0, length);
                }
                if (length < rest.length()) {
                    char separator = rest.charAt(length);
                    if (separator != ';' && separator != '|' && separator != '\n') {
                        return Optional.empty();
                    }
                    run.append(separator == '\n' ? "\n" : " " + separator + " ");
                }
                pos += length + 1;
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(run.toString());
    }

    /** Whether the command of that name names this parser. */
    private static boolean ours(Session session, String name) {
        return ActionClasses.of(session, name).map(type -> type.getAnnotation(Parsing.class))
                .map(parsing -> parsing.value() == OptionsAnywhereParser.class).orElse(false);
    }

    private static Parser parserOf(Session session, String name) {
        String resolved = session.resolveCommand(name);
        for (Command command : session.getRegistry().getCommands()) {
            if (resolved.equals(command.getScope() + ":" + command.getName()) && command.getParser() != null) {
                return command.getParser();
            }
        }
        return new DefaultParser();
    }

    @Override
    public String preprocess(Session session, CommandLine line) {
        if (!(line instanceof ParsedStatement statement)) {
            return String.join(" ", line.getArguments());
        }
        if (statement.syntax() != null) {
            UsageCheck.problem(statement.run(), statement.syntax())
                    .ifPresent(problem -> UsageError.raise(statement.syntax(), problem));
        }
        return String.join(" ", statement.runWords());
    }

    private static OptionsFirst.Arrangement asTyped(List<String> words, int cursor) {
        return new OptionsFirst.Arrangement(words, cursor, null);
    }
}
