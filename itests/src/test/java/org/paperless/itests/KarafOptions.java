package org.paperless.itests;

import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/** Options that boot the built distribution offline, with a data folder and ssh port of its own. */
final class KarafOptions {

    static final String EXPECTED_DATABASE = "paperless.it.database";
    private static final String KARAF_VERSION = "4.4.10";

    private KarafOptions() {
    }

    /**
     * The expected database kind travels as a system property: the probe's test methods live in a shared
     * base class, and inside the container they cannot rely on which subclass runs them.
     */
    static Option[] distribution(String databaseKind, Option... extra) {
        String localRepo = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
        File dataDir = new File("target/it-data/" + UUID.randomUUID()).getAbsoluteFile();
        List<Option> options = new ArrayList<>(Arrays.asList(
                karafDistributionConfiguration()
                        .frameworkUrl(maven("org.paperless", "paperless-distribution").type("tar.gz").versionAsInProject())
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                keepRuntimeFolder(),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevel.INFO),
                systemProperty("org.ops4j.pax.url.mvn.localRepository").value(localRepo),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", localRepo),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", ""),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.offline", "true"),
                // Boot features installed synchronously by the features bundle's activator can deadlock with a
                // bundle the deployment has to stop (seen once: a jstack showed both threads waiting).
                editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "featuresBootAsynchronous", "true"),
                editConfigurationFilePut("etc/custom.system.properties", "paperless.data.dir", dataDir.getPath()),
                editConfigurationFilePut("etc/custom.system.properties", "paperless.ssh.port", Integer.toString(freePort())),
                editConfigurationFilePut("etc/custom.system.properties", "paperless.http.port", Integer.toString(freePort())),
                editConfigurationFilePut("etc/custom.system.properties", EXPECTED_DATABASE, databaseKind),
                vmOptions(
                        "-Xmx768m",
                        "--add-reads=java.xml=java.logging",
                        // Pax Exam starts java itself: repeat what bin/karaf does for the XML spec locator.
                        "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                        "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + KARAF_VERSION + ".jar",
                        "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + KARAF_VERSION + ".jar",
                        "--add-opens", "java.base/java.security=ALL-UNNAMED",
                        "--add-opens", "java.base/java.net=ALL-UNNAMED",
                        "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                        "--add-opens", "java.base/java.util=ALL-UNNAMED",
                        "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                        "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                        "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                        "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED")));
        options.addAll(Arrays.asList(extra));
        return options.toArray(new Option[0]);
    }

    static int freePort() {
        // Below the kernel's ephemeral range (32768-60999): a port from there (new ServerSocket(0)) may be taken
        // by any outgoing connection, or a closing one, before Karaf binds it.
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = random.nextInt(20000, 32000);
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(false);
                s.bind(new java.net.InetSocketAddress("127.0.0.1", port));
                return port;
            } catch (IOException e) {
                // taken: another one
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000");
    }
}
