package org.paperless.commands.internal;

import java.util.Optional;

import org.apache.karaf.shell.api.console.Command;
import org.apache.karaf.shell.api.console.Session;

/** Finds the action class behind a command name typed in a session, among the commands the session knows. */
final class ActionClasses {

    private ActionClasses() {
    }

    static Optional<Class<?>> of(Session session, String typedName) {
        if (session == null || typedName.isEmpty()) {
            return Optional.empty();
        }
        String name = session.resolveCommand(typedName);
        for (Command command : session.getRegistry().getCommands()) {
            if (name.equals(command.getScope() + ":" + command.getName())) {
                return actionClass(command);
            }
        }
        return Optional.empty();
    }

    /**
     * Karaf registers an action as a command object with a public getActionClass(); the API has no
     * interface for it, hence by name.
     */
    private static Optional<Class<?>> actionClass(Command command) {
        try {
            Object type = command.getClass().getMethod("getActionClass").invoke(command);
            return type instanceof Class<?> c ? Optional.of(c) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
