package org.paperless.storage.internal.jpa;

import org.paperless.storage.internal.testsupport.Engine;

class DocumentTrashDerbyTest extends DocumentTrashCases {
    DocumentTrashDerbyTest() {
        super(Engine.DERBY);
    }
}
