package org.paperless.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The same console on a real PostgreSQL server, chosen by etc/org.paperless.storage.cfg alone. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresStorageIT extends StorageCommandsTestBase {

    @Configuration
    public Option[] config() throws Exception {
        String url = TestPostgres.freshDatabase();
        String cfg = "etc/org.paperless.storage.cfg";
        return KarafOptions.distribution("postgresql",
                editConfigurationFilePut(cfg, "dbEngine", "postgresql"),
                editConfigurationFilePut(cfg, "dbUrl", url),
                editConfigurationFilePut(cfg, "dbUser", TestPostgres.USER),
                editConfigurationFilePut(cfg, "dbPass", TestPostgres.PASSWORD));
    }
}
