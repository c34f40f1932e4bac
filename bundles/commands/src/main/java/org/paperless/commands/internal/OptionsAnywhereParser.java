package org.paperless.commands.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Parser;
import org.apache.karaf.shell.api.console.Session;

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
        return ConsoleLine.around(session, command, cursor).flatMap(line -> ConsoleLine.toRun(session, line, this))
                .map(statement::running).orElse(statement);
    }

    /** The statement at the start of the text, with the options of its command first when the command is known. */
    ParsedStatement statement(Session session, String command, int cursor) {
        StatementWords words = StatementWords.split(command, cursor);
        String buffer = command.substring(0, words.end());
        int offset = words.cursorOffset(cursor);
        CommandSyntax syntax = ActionClasses.of(session, words.texts().get(0))
                .map(type -> syntaxes.computeIfAbsent(type, CommandSyntax::of)).orElse(null);
        if (syntax == null) {
            return new ParsedStatement(asTyped(words.texts(), words.cursorIndex()), offset, cursor, buffer,
                    asTyped(words.typedTexts(), -1), null);
        }
        return new ParsedStatement(OptionsFirst.arrange(words.texts(), syntax, words.cursorIndex()), offset, cursor,
                buffer, OptionsFirst.arrange(words.typedTexts(), syntax, -1), syntax);
    }

    /** Whether the command of that name names this parser. */
    static boolean names(Session session, String command) {
        return ActionClasses.of(session, command).map(type -> type.getAnnotation(Parsing.class))
                .map(parsing -> parsing.value() == OptionsAnywhereParser.class).orElse(false);
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
