package org.paperless.commands.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Parsing;
import org.junit.jupiter.api.Test;

/** Karaf reads @Parsing from the command's own class only (it is not inherited): every command must carry it. */
class EveryCommandParsesOptionsAnywhereTest {

    @Test
    void everyCommandNamesTheParser() throws Exception {
        Path classes = Path.of(OptionsAnywhereParser.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path folder = classes.resolve(OptionsAnywhereParser.class.getPackageName().replace('.', '/'));
        List<Class<?>> commands;
        try (Stream<Path> files = Files.list(folder)) {
            commands = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .<Class<?>>map(n -> load(OptionsAnywhereParser.class.getPackageName() + "." + n.replace(".class", "")))
                    .filter(c -> c.isAnnotationPresent(Command.class)).toList();
        }
        assertTrue(commands.size() >= 28, "commands found: " + commands.size());
        List<String> without = commands.stream().filter(c -> !c.isAnnotationPresent(Parsing.class)
                || c.getAnnotation(Parsing.class).value() != OptionsAnywhereParser.class).map(Class::getSimpleName).sorted().toList();
        assertEquals(List.of(), without, "commands without @Parsing(OptionsAnywhereParser.class) beside their @Command"
                + " (without it, their options must come before the arguments)");
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
