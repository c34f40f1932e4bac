package org.paperless.commands.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.storage.Migration;
import org.paperless.api.storage.SchemaMigrations;

/** Shows the schema migrations, or moves the schema up or down to a number. */
@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "migrate",
        description = "Show the current and pending schema migrations, or migrate up or down to NUMBER")
public class MigrateCommand implements Action {

    @Argument(index = 0, name = "number", description = "The migration to move the schema to (0 empties it)")
    Integer target;

    @Option(name = "--no-format", description = "Plain tab-separated output for scripts")
    boolean noFormat;

    @Reference(optional = true)
    SchemaMigrations migrations;

    @Override
    public Object execute() {
        Capabilities.storage(migrations);
        int before = migrations.current();
        if (target != null) {
            migrations.migrateTo(target);
            System.out.println(before == target ? "Schema already at " + target
                    : "Schema moved from " + before + " to " + migrations.current());
            return null;
        }
        int current = before;
        Table table = new Table().rightColumn("Number").column("State").column("Reversible").column("Description");
        for (Migration m : migrations.all()) {
            table.row(m.number(), m.number() <= current ? "applied" : "pending",
                    m.reversible() ? "yes" : "no", m.description());
        }
        table.print(System.out, noFormat);
        long pending = migrations.all().stream().filter(m -> m.number() > current).count();
        System.out.println("Schema at " + current + ", newest " + migrations.latest() + ", " + pending + " pending");
        return null;
    }
}
