package org.paperless.commands.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.support.parsing.GogoParser;

/**
 * The words of one console statement as Karaf's own parser splits them, each as the exact text typed (quotes
 * and backslashes kept), so that moving words around never changes what the shell later reads.
 * Karaf's splitter cuts {@code --match="a b"} inside the quotes and {@code "a"=b} at the sign; such pieces
 * are joined again with the text between them, so each word is one shell word.
 */
final class StatementWords {

    /** A word and where it stands in the statement. */
    record Word(String text, int start, int end) {
    }

    private final List<Word> words;
    private final int end;
    private final int cursor;

    private StatementWords(List<Word> words, int end, int cursor) {
        this.words = words;
        this.end = end;
        this.cursor = cursor;
    }

    /**
     * @param text the statement (and possibly more statements after a {@code ;} or {@code |})
     * @param cursor where the cursor stands in {@code text}; an empty word is put there when it stands between
     *        words, so that completion has a word to complete
     */
    static StatementWords split(String text, int cursor) {
        GogoParser parser = new GogoParser(text, cursor);
        List<String> pieces = parser.statement();
        int end = parser.position();
        List<Word> located = new ArrayList<>();
        int from = 0;
        for (String piece : pieces) {
            int start = text.indexOf(piece, from);
            if (start < 0) {
                return new StatementWords(unlocated(pieces), end, -1);
            }
            located.add(new Word(piece, start, start + piece.length()));
            from = start + piece.length();
        }
        List<Word> joined = join(text, located);
        return withCursorWord(joined, end, cursor);
    }

    /** Every word's text, the command name first. */
    List<String> texts() {
        return words.stream().map(Word::text).toList();
    }

    /** The texts without the empty word put at the cursor. */
    List<String> typedTexts() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (i != cursor || !words.get(i).text().isEmpty()) {
                texts.add(words.get(i).text());
            }
        }
        return texts;
    }

    /** The index of the word the cursor is in, or -1 when the cursor stands before the command name. */
    int cursorIndex() {
        return cursor;
    }

    /** How far into its word the cursor is. */
    int cursorOffset(int bufferCursor) {
        return cursor < 0 ? 0 : Math.max(0, bufferCursor - words.get(cursor).start());
    }

    /** Where the statement ends in the text (at a {@code ;}, {@code |}, line end, or the end). */
    int end() {
        return end;
    }

    private static List<Word> unlocated(List<String> pieces) {
        return pieces.stream().map(p -> new Word(p, -1, -1)).toList();
    }

    /** Joins pieces that touch, or that the splitter cut inside quotes; the command name stays alone. */
    private static List<Word> join(String text, List<Word> pieces) {
        List<Word> words = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            Word word = pieces.get(i);
            while (i > 0 && i + 1 < pieces.size()
                    && (pieces.get(i + 1).start() == word.end() || ShellWords.openQuote(word.text()))) {
                Word next = pieces.get(++i);
                word = new Word(text.substring(word.start(), next.end()), word.start(), next.end());
            }
            words.add(word);
        }
        return words;
    }

    /**
     * The console hands completion the statement without the blanks after it, the cursor past its end: a new
     * word starts there too.
     */
    private static StatementWords withCursorWord(List<Word> words, int end, int cursor) {
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            if (cursor >= w.start() && cursor <= w.end()) {
                return new StatementWords(words, end, i);
            }
            if (cursor < w.start()) {
                return i == 0 ? new StatementWords(words, end, -1) : new StatementWords(insert(words, i, cursor), end, i);
            }
        }
        return new StatementWords(insert(words, words.size(), cursor), end, words.size());
    }

    private static List<Word> insert(List<Word> words, int index, int cursor) {
        List<Word> result = new ArrayList<>(words);
        int at = index == words.size() && index > 0 ? Math.max(cursor, words.get(index - 1).end()) : cursor;
        result.add(index, new Word("", at, at));
        return result;
    }
}
