package org.paperless.commands.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts the options a command knows, each with its value, in front of its arguments, because Karaf's
 * preparator stops reading options at the first argument. The value of an option is the word after it,
 * whatever it looks like ({@code --tag -Inbox}); {@code --} ends the options and is dropped; words that look
 * like options but are none stay among the arguments where they were, so the preparator judges them; a
 * comment ({@code # ...}) stays at the end.
 */
final class OptionsFirst {

    /**
     * @param words the command name and its words, in the new order
     * @param cursor the index of the word at the cursor in the new order, or -1
     * @param missingValue an option that wants a value but ends the statement, or null
     */
    record Arrangement(List<String> words, int cursor, String missingValue) {
    }

    private OptionsFirst() {
    }

    /**
     * @param words the command name and the words as typed
     * @param cursor the index of the word being completed, or -1 when the statement is to be run: a word there
     *        that starts with {@code -} is taken for an option being typed and goes with the options
     */
    static Arrangement arrange(List<String> words, CommandSyntax syntax, int cursor) {
        List<Integer> options = new ArrayList<>();
        List<Integer> arguments = new ArrayList<>();
        List<Integer> comment = new ArrayList<>();
        String missingValue = null;
        boolean optionsEnded = false;
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (ShellWords.comment(word) || !comment.isEmpty()) {
                comment.add(i);
            } else if (optionsEnded) {
                arguments.add(i);
            } else if (i == cursor && word.startsWith("-") && syntax.option(word).isEmpty()) {
                options.add(i);
            } else if (word.equals("--")) {
                optionsEnded = true;
            } else {
                Optional<CommandSyntax.OptionSpec> option = syntax.option(word);
                boolean inlineValue = ShellWords.unquoted(word).contains("=");
                if (option.isPresent() && option.get().takesValue() && !inlineValue) {
                    if (i + 1 < words.size() && !ShellWords.comment(words.get(i + 1))) {
                        options.add(i);
                        options.add(++i);
                    } else {
                        missingValue = word;
                        arguments.add(i);
                    }
                } else if (option.isPresent()) {
                    options.add(i);
                } else {
                    arguments.add(i);
                }
            }
        }
        List<Integer> order = new ArrayList<>(List.of(0));
        order.addAll(options);
        order.addAll(arguments);
        order.addAll(comment);
        List<String> arranged = order.stream().map(words::get).toList();
        return new Arrangement(arranged, cursor < 0 ? -1 : order.indexOf(cursor), missingValue);
    }
}
