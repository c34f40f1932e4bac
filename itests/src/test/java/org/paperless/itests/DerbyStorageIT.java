package org.paperless.itests;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The distribution as shipped: embedded Derby under the data folder. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DerbyStorageIT extends StorageCommandsTestBase {

    @Configuration
    public Option[] config() {
        return KarafOptions.distribution("derby");
    }
}
