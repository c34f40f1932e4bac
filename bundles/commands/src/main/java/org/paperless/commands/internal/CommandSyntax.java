package org.paperless.commands.internal;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;

/**
 * The options and arguments of a console command, read from its action class the way Karaf's preparator
 * reads them (fields of the class and its superclasses): which words are options, which take a value.
 */
final class CommandSyntax {

    static final String HELP = "--help";

    /** An option under its main name; booleans take no value. */
    record OptionSpec(String name, boolean takesValue, boolean required) {
    }

    record ArgumentSpec(String name, boolean required, boolean multiValued) {
    }

    private final String command;
    private final Map<String, OptionSpec> options;
    private final List<ArgumentSpec> arguments;

    private CommandSyntax(String command, Map<String, OptionSpec> options, List<ArgumentSpec> arguments) {
        this.command = command;
        this.options = options;
        this.arguments = arguments;
    }

    static CommandSyntax of(Class<?> action) {
        Command command = action.getAnnotation(Command.class);
        Map<String, OptionSpec> options = new HashMap<>();
        options.put(HELP, new OptionSpec(HELP, false, false));
        List<Field> argumentFields = new ArrayList<>();
        for (Class<?> type = action; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                Option option = field.getAnnotation(Option.class);
                if (option != null) {
                    boolean flag = field.getType() == boolean.class || field.getType() == Boolean.class;
                    OptionSpec spec = new OptionSpec(option.name(), !flag, option.required());
                    options.put(option.name(), spec);
                    for (String alias : option.aliases()) {
                        options.put(alias, spec);
                    }
                }
                if (field.getAnnotation(Argument.class) != null) {
                    argumentFields.add(field);
                }
            }
        }
        List<ArgumentSpec> arguments = argumentFields.stream()
                .sorted(Comparator.comparingInt(f -> f.getAnnotation(Argument.class).index()))
                .map(CommandSyntax::argument).toList();
        String name = command == null ? action.getSimpleName() : command.scope() + ":" + command.name();
        return new CommandSyntax(name, Map.copyOf(options), arguments);
    }

    private static ArgumentSpec argument(Field field) {
        Argument a = field.getAnnotation(Argument.class);
        String name = Argument.DEFAULT.equals(a.name()) ? field.getName() : a.name();
        return new ArgumentSpec(name, a.required(), a.multiValued());
    }

    /** The option a word names: {@code --tag}, an alias such as {@code -T}, or {@code --tag=Inbox}. */
    Optional<OptionSpec> option(String word) {
        String text = ShellWords.unquoted(word);
        if (!text.startsWith("-")) {
            return Optional.empty();
        }
        int eq = text.indexOf('=');
        return Optional.ofNullable(options.get(eq < 0 ? text : text.substring(0, eq)));
    }

    List<OptionSpec> requiredOptions() {
        return options.values().stream().filter(OptionSpec::required).distinct().toList();
    }

    List<ArgumentSpec> arguments() {
        return arguments;
    }

    String command() {
        return command;
    }

    /** The syntax line of the command's help: {@code paperless:tag-add [options] name}. */
    String syntax() {
        StringBuilder line = new StringBuilder(command);
        if (options.size() > 1) {
            line.append(" [options]");
        }
        for (ArgumentSpec a : arguments) {
            String shown = a.multiValued() ? a.name() + " ..." : a.name();
            line.append(' ').append(a.required() ? shown : "[" + shown + "]");
        }
        return line.toString();
    }
}
