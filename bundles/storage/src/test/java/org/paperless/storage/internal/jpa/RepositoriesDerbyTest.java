package org.paperless.storage.internal.jpa;

import org.paperless.storage.internal.testsupport.Engine;

class RepositoriesDerbyTest extends RepositoriesCases {
    RepositoriesDerbyTest() {
        super(Engine.DERBY);
    }
}
