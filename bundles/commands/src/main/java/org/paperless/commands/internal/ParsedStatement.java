package org.paperless.commands.internal;

import java.util.List;

import org.apache.karaf.shell.api.console.CommandLine;

/**
 * A statement as {@link OptionsAnywhereParser} read it. Completion sees the words with the options first
 * (and the word at the cursor among them when it starts with {@code -}), the order Karaf's argument
 * completer understands; running uses {@link #run()}, arranged from the words as typed.
 */
final class ParsedStatement implements CommandLine {

    private final String[] words;
    private final int cursorWord;
    private final int cursorOffset;
    private final int cursor;
    private final String buffer;
    private final OptionsFirst.Arrangement run;
    private final CommandSyntax syntax;
    private final String lineToRun;

    /**
     * @param syntax the command's options and arguments, or null when the command is not known: then the words
     *        run as typed
     */
    ParsedStatement(OptionsFirst.Arrangement completion, int cursorOffset, int cursor, String buffer,
            OptionsFirst.Arrangement run, CommandSyntax syntax) {
        this(completion, cursorOffset, cursor, buffer, run, syntax, null);
    }

    private ParsedStatement(OptionsFirst.Arrangement completion, int cursorOffset, int cursor, String buffer,
            OptionsFirst.Arrangement run, CommandSyntax syntax, String lineToRun) {
        this.words = completion.words().toArray(String[]::new);
        this.cursorWord = completion.cursor();
        this.cursorOffset = cursorOffset;
        this.cursor = cursor;
        this.buffer = buffer;
        this.run = run;
        this.syntax = syntax;
        this.lineToRun = lineToRun;
    }

    /** The same statement, the buffer being the whole console line to run (see {@link ConsoleLine}). */
    ParsedStatement running(String line) {
        return new ParsedStatement(new OptionsFirst.Arrangement(List.of(words), cursorWord, null), cursorOffset, cursor,
                buffer, run, syntax, line);
    }

    OptionsFirst.Arrangement run() {
        return run;
    }

    CommandSyntax syntax() {
        return syntax;
    }

    @Override
    public int getCursorArgumentIndex() {
        return cursorWord;
    }

    @Override
    public String getCursorArgument() {
        return cursorWord < 0 || cursorWord >= words.length ? null : words[cursorWord];
    }

    @Override
    public int getArgumentPosition() {
        return cursorOffset;
    }

    @Override
    public String[] getArguments() {
        return words.clone();
    }

    @Override
    public int getBufferPosition() {
        return cursor;
    }

    /** The statement as typed; at an interactive console, the whole line as it is to run. */
    @Override
    public String getBuffer() {
        return lineToRun != null ? lineToRun : buffer;
    }

    List<String> runWords() {
        return run.words();
    }
}
