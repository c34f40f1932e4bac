package org.paperless.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Export and import on a real PostgreSQL server. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BackupPostgresIT extends BackupTestBase {

    @Configuration
    public Option[] config() throws Exception {
        String cfg = "etc/org.paperless.storage.cfg";
        return KarafOptions.distribution("postgresql",
                editConfigurationFilePut("etc/custom.system.properties", FIXTURES, fixtures().toString()),
                editConfigurationFilePut(cfg, "dbEngine", "postgresql"),
                editConfigurationFilePut(cfg, "dbUrl", TestPostgres.freshDatabase()),
                editConfigurationFilePut(cfg, "dbUser", TestPostgres.USER),
                editConfigurationFilePut(cfg, "dbPass", TestPostgres.PASSWORD));
    }
}
