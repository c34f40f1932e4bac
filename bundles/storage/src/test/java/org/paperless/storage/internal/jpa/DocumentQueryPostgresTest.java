package org.paperless.storage.internal.jpa;

import org.paperless.storage.internal.testsupport.Engine;

class DocumentQueryPostgresTest extends DocumentQueryCases {
    DocumentQueryPostgresTest() {
        super(Engine.POSTGRESQL);
    }
}
