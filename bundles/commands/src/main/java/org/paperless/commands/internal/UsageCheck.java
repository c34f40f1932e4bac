package org.paperless.commands.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds, before the shell runs a statement, what Karaf's preparator would refuse in it, so that the
 * refusal can come with the command's syntax (the preparator's own message has none). It follows the
 * preparator's rules; statements whose words are not all literal values (variables, lists, closures,
 * redirections) are left to the preparator, since their words are not its parameters.
 */
final class UsageCheck {

    private UsageCheck() {
    }

    /**
     * @param arrangement the words as they will be run: options first
     * @return what is wrong, in the preparator's words, or empty
     */
    static Optional<String> problem(OptionsFirst.Arrangement arrangement, CommandSyntax syntax) {
        List<String> words = arrangement.words().stream().takeWhile(w -> !ShellWords.comment(w)).toList();
        if (!words.stream().allMatch(ShellWords::literal) || words.stream().map(ShellWords::unquoted)
                .anyMatch(CommandSyntax.HELP::equals)) {
            return Optional.empty();
        }
        if (arrangement.missingValue() != null) {
            return Optional.of("missing value for option " + arrangement.missingValue());
        }
        Set<String> optionsGiven = new HashSet<>();
        List<CommandSyntax.ArgumentSpec> arguments = syntax.arguments();
        boolean[] argumentsGiven = new boolean[arguments.size()];
        int argument = 0;
        boolean readingOptions = true;
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (readingOptions && ShellWords.unquoted(word).startsWith("-")) {
                Optional<CommandSyntax.OptionSpec> option = syntax.option(word);
                if (option.isEmpty()) {
                    return Optional.of("undefined option " + ShellWords.unquoted(word));
                }
                optionsGiven.add(option.get().name());
                if (option.get().takesValue() && !ShellWords.unquoted(word).contains("=") && ++i == words.size()) {
                    return Optional.of("missing value for option " + word);
                }
                continue;
            }
            readingOptions = false;
            if (argument >= arguments.size()) {
                return Optional.of("too many arguments specified");
            }
            argumentsGiven[argument] = true;
            if (!arguments.get(argument).multiValued()) {
                argument++;
            }
        }
        return missing(syntax, optionsGiven, argumentsGiven);
    }

    private static Optional<String> missing(CommandSyntax syntax, Set<String> optionsGiven, boolean[] argumentsGiven) {
        for (CommandSyntax.OptionSpec option : syntax.requiredOptions()) {
            if (!optionsGiven.contains(option.name())) {
                return Optional.of("option " + option.name() + " is required");
            }
        }
        List<CommandSyntax.ArgumentSpec> arguments = syntax.arguments();
        for (int i = 0; i < arguments.size(); i++) {
            if (arguments.get(i).required() && !argumentsGiven[i]) {
                return Optional.of("argument " + arguments.get(i).name() + " is required");
            }
        }
        return Optional.empty();
    }
}
