package org.paperless.commands.internal;

/** What a word typed in the console (Felix Gogo's syntax) means before the shell evaluates it. */
final class ShellWords {

    /** Outside quotes, these make one word more or less than one value: variables, lists, closures, redirections. */
    private static final String EVALUATED = "$(){}[]<>`";

    /** Characters that must be escaped for a name to stay one literal word. */
    private static final String SPECIAL = "\"'\\$;|&<>(){}[]#=`";

    private ShellWords() {
    }

    /** The text of a word that is quoted as a whole, without its quotes; any other word as it is. */
    static String unquoted(String word) {
        if (word.length() >= 2 && (word.charAt(0) == '"' || word.charAt(0) == '\'') && closes(word) == word.length() - 1) {
            return word.substring(1, word.length() - 1);
        }
        return word;
    }

    /** Where the quote that opens the word closes, or -1. */
    private static int closes(String word) {
        char quote = word.charAt(0);
        for (int i = 1; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '\\' && quote == '"') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a quote opened in the text is still open at its end. */
    static boolean openQuote(String text) {
        char open = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && open != '\'') {
                i++;
            } else if (open == 0 && (c == '"' || c == '\'')) {
                open = c;
            } else if (c == open) {
                open = 0;
            }
        }
        return open != 0;
    }

    /** Whether the word starts a comment: the shell ignores it and the rest of the line. */
    static boolean comment(String word) {
        return word.startsWith("#");
    }

    /** Whether the word is one value as typed: no variable, list, closure or redirection outside quotes. */
    static boolean literal(String word) {
        char open = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '\\' && open != '\'') {
                i++;
            } else if (open == 0 && (c == '"' || c == '\'')) {
                open = c;
            } else if (c == open) {
                open = 0;
            } else if (open == 0 && EVALUATED.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** The text as one literal word: blanks and the shell's special characters escaped with a backslash. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (Character.isWhitespace(c) || SPECIAL.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
