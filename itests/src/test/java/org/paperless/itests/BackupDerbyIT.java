package org.paperless.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Export and import on the embedded Derby database. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BackupDerbyIT extends BackupTestBase {

    @Configuration
    public Option[] config() throws Exception {
        return KarafOptions.distribution("derby",
                editConfigurationFilePut("etc/custom.system.properties", FIXTURES, fixtures().toString()));
    }
}
