package org.paperless.commands.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.karaf.shell.support.table.Col;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * A table printed through Karaf's ShellTable, or, with --no-format, as bare tab-separated values
 * without header or padding, so scripts can cut and grep it.
 */
final class Table {

    private record Column(String header, boolean right, int maxSize) {
    }

    private final List<Column> columns = new ArrayList<>();
    private final List<List<Object>> rows = new ArrayList<>();

    Table column(String header) {
        columns.add(new Column(header, false, 0));
        return this;
    }

    Table rightColumn(String header) {
        columns.add(new Column(header, true, 0));
        return this;
    }

    Table wideColumn(String header, int maxSize) {
        columns.add(new Column(header, false, maxSize));
        return this;
    }

    Table row(Object... cells) {
        rows.add(Arrays.stream(cells).map(Table::text).collect(Collectors.toList()));
        return this;
    }

    void print(PrintStream out, boolean noFormat) {
        if (noFormat) {
            for (List<Object> row : rows) {
                out.println(row.stream().map(c -> c.toString().replace('\t', ' ').replace('\n', ' '))
                        .collect(Collectors.joining("\t")));
            }
            return;
        }
        ShellTable table = new ShellTable();
        for (Column c : columns) {
            Col col = table.column(c.header());
            if (c.right()) {
                col.alignRight();
            }
            if (c.maxSize() > 0) {
                col.maxSize(c.maxSize());
            }
        }
        rows.forEach(r -> table.addRow().addContent(r.toArray()));
        table.print(out, true);
    }

    static Object text(Object value) {
        return value == null ? "" : value;
    }
}
