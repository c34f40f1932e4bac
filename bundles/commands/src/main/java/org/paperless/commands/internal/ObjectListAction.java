package org.paperless.commands.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Option;
import org.paperless.api.ClassifyingObject;
import org.paperless.api.Matching;
import org.paperless.api.storage.ObjectRepository;

/** Lists the objects of one kind with their matching fields. */
abstract class ObjectListAction<T extends ClassifyingObject> implements Action {

    @Option(name = "--no-format", description = "Plain tab-separated output for scripts")
    boolean noFormat;

    protected abstract ObjectRepository<T> repository();

    /** Columns a kind adds after the name. */
    protected List<String> extraColumns() {
        return List.of();
    }

    protected List<Object> extraCells(T object) {
        return List.of();
    }

    @Override
    public Object execute() {
        Table table = new Table().rightColumn("ID").column("Name");
        extraColumns().forEach(table::column);
        table.column("Match").column("Algorithm").column("Case");
        for (T o : repository().list()) {
            Matching m = o.matching();
            List<Object> cells = new ArrayList<>(List.of(o.id(), o.name()));
            cells.addAll(extraCells(o));
            cells.addAll(List.of(m.match(), m.algorithm().label(), m.insensitive() ? "insensitive" : "sensitive"));
            table.row(cells.toArray());
        }
        table.print(System.out, noFormat);
        return null;
    }
}
