package org.paperless.storage.internal.migration;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;

import javax.sql.DataSource;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The two numbers a start needs, without Liquibase: the newest migration tag in the changelog (a plain scan
 * of its files for {@code tagDatabase}) and the tag the database carries (one query of Liquibase's own table).
 * Loading Liquibase and parsing the changelog took more than a second of every restart; when both numbers
 * agree there is nothing for it to do.
 */
final class SchemaTags {

    private static final String LIQUIBASE_NS = "http://www.liquibase.org/xml/ns/dbchangelog";

    private SchemaTags() {
    }

    /** The largest numeric tag in the changelog and the files it includes; 0 when it has none. */
    static int newest(ClassLoader loader, String changelog) {
        try {
            return newestIn(loader, changelog, 0);
        } catch (IOException | XMLStreamException e) {
            throw new IllegalStateException("Cannot read the changelog " + changelog + ": " + e.getMessage(), e);
        }
    }

    private static int newestIn(ClassLoader loader, String path, int depth) throws IOException, XMLStreamException {
        if (depth > 10) {
            throw new IOException("includes nested deeper than 10 at " + path);
        }
        int newest = 0;
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("no such resource " + path);
            }
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() != XMLStreamConstants.START_ELEMENT
                            || !LIQUIBASE_NS.equals(xml.getNamespaceURI())) {
                        continue;
                    }
                    if ("tagDatabase".equals(xml.getLocalName())) {
                        String tag = xml.getAttributeValue(null, "tag");
                        if (tag != null && tag.matches("\\d{1,9}")) {
                            newest = Math.max(newest, Integer.parseInt(tag));
                        }
                    } else if ("include".equals(xml.getLocalName())) {
                        String file = xml.getAttributeValue(null, "file");
                        boolean relative = "true".equals(xml.getAttributeValue(null, "relativeToChangelogFile"));
                        String included = relative && path.contains("/")
                                ? path.substring(0, path.lastIndexOf('/') + 1) + file : file;
                        newest = Math.max(newest, newestIn(loader, included, depth + 1));
                    }
                }
            } finally {
                xml.close();
            }
        }
        return newest;
    }

    /**
     * The newest numeric tag Liquibase recorded (the one executed last); 0 for an empty database; empty when the
     * table cannot be read, and Liquibase must be asked.
     */
    static OptionalInt current(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(
                         "SELECT TAG, ORDEREXECUTED FROM DATABASECHANGELOG WHERE TAG IS NOT NULL")) {
                int current = 0;
                long lastOrder = Long.MIN_VALUE;
                while (rows.next()) {
                    String tag = rows.getString(1);
                    long order = rows.getLong(2);
                    if (tag != null && tag.matches("\\d{1,9}") && order >= lastOrder) {
                        current = Integer.parseInt(tag);
                        lastOrder = order;
                    }
                }
                return OptionalInt.of(current);
            } finally {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
            }
        } catch (SQLException e) {
            return OptionalInt.empty(); // no table yet (a new database), or a database that says no: Liquibase knows
        }
    }
}
