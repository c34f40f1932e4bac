package org.paperless.storage.internal.migration;

import org.paperless.storage.internal.testsupport.Engine;

class LiquibaseMigrationsDerbyTest extends LiquibaseMigrationsCases {
    LiquibaseMigrationsDerbyTest() {
        super(Engine.DERBY);
    }
}
