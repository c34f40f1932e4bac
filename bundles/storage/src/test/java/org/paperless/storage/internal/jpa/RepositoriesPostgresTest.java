package org.paperless.storage.internal.jpa;

import org.paperless.storage.internal.testsupport.Engine;

class RepositoriesPostgresTest extends RepositoriesCases {
    RepositoriesPostgresTest() {
        super(Engine.POSTGRESQL);
    }
}
