package org.paperless.storage.internal.jpa;

import org.paperless.storage.internal.testsupport.Engine;

class DocumentQueryDerbyTest extends DocumentQueryCases {
    DocumentQueryDerbyTest() {
        super(Engine.DERBY);
    }
}
