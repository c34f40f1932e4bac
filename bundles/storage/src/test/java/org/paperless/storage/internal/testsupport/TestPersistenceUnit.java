package org.paperless.storage.internal.testsupport;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.persistence.EntityManagerFactory;
import javax.persistence.SharedCacheMode;
import javax.persistence.ValidationMode;
import javax.persistence.spi.ClassTransformer;
import javax.persistence.spi.PersistenceUnitInfo;
import javax.persistence.spi.PersistenceUnitTransactionType;
import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.openjpa.persistence.PersistenceProviderImpl;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The bundle's real persistence.xml handed to OpenJPA the way Aries JPA does inside OSGi: as a
 * PersistenceUnitInfo whose non-JTA DataSource is an object (the osgi: name is not looked up).
 */
public final class TestPersistenceUnit implements PersistenceUnitInfo {

    private static final String XML = "META-INF/persistence.xml";

    private final DataSource dataSource;
    private final List<String> classes = new ArrayList<>();
    private final Properties properties = new Properties();
    private String name;
    private String provider;

    private TestPersistenceUnit(DataSource dataSource) throws Exception {
        this.dataSource = dataSource;
        try (InputStream in = loader().getResourceAsStream(XML)) {
            Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
            Element unit = (Element) xml.getElementsByTagName("persistence-unit").item(0);
            name = unit.getAttribute("name");
            provider = unit.getElementsByTagName("provider").item(0).getTextContent().strip();
            NodeList classNodes = unit.getElementsByTagName("class");
            for (int i = 0; i < classNodes.getLength(); i++) {
                classes.add(classNodes.item(i).getTextContent().strip());
            }
            NodeList props = unit.getElementsByTagName("property");
            for (int i = 0; i < props.getLength(); i++) {
                Element p = (Element) props.item(i);
                properties.setProperty(p.getAttribute("name"), p.getAttribute("value"));
            }
        }
    }

    public static EntityManagerFactory createFactory(DataSource dataSource) throws Exception {
        return new PersistenceProviderImpl().createContainerEntityManagerFactory(new TestPersistenceUnit(dataSource),
                Map.of());
    }

    @Override
    public String getPersistenceUnitName() {
        return name;
    }

    @Override
    public String getPersistenceProviderClassName() {
        return provider;
    }

    @Override
    public PersistenceUnitTransactionType getTransactionType() {
        return PersistenceUnitTransactionType.RESOURCE_LOCAL;
    }

    @Override
    public DataSource getJtaDataSource() {
        return null;
    }

    @Override
    public DataSource getNonJtaDataSource() {
        return dataSource;
    }

    @Override
    public List<String> getMappingFileNames() {
        return List.of();
    }

    @Override
    public List<URL> getJarFileUrls() {
        return List.of();
    }

    @Override
    public URL getPersistenceUnitRootUrl() {
        String url = loader().getResource(XML).toExternalForm();
        try {
            return new URL(url.substring(0, url.length() - XML.length()));
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<String> getManagedClassNames() {
        return classes;
    }

    @Override
    public boolean excludeUnlistedClasses() {
        return true;
    }

    @Override
    public SharedCacheMode getSharedCacheMode() {
        return SharedCacheMode.UNSPECIFIED;
    }

    @Override
    public ValidationMode getValidationMode() {
        return ValidationMode.NONE;
    }

    @Override
    public Properties getProperties() {
        return properties;
    }

    @Override
    public String getPersistenceXMLSchemaVersion() {
        return "2.0";
    }

    @Override
    public ClassLoader getClassLoader() {
        return loader();
    }

    @Override
    public void addTransformer(ClassTransformer transformer) {
        // classes are enhanced at build time
    }

    @Override
    public ClassLoader getNewTempClassLoader() {
        return loader();
    }

    private static ClassLoader loader() {
        return TestPersistenceUnit.class.getClassLoader();
    }
}
