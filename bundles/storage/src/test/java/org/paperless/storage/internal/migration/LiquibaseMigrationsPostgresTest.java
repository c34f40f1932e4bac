package org.paperless.storage.internal.migration;

import org.paperless.storage.internal.testsupport.Engine;

class LiquibaseMigrationsPostgresTest extends LiquibaseMigrationsCases {
    LiquibaseMigrationsPostgresTest() {
        super(Engine.POSTGRESQL);
    }
}
