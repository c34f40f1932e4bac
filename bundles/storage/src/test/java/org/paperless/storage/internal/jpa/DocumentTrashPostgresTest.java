package org.paperless.storage.internal.jpa;

import org.paperless.storage.internal.testsupport.Engine;

class DocumentTrashPostgresTest extends DocumentTrashCases {
    DocumentTrashPostgresTest() {
        super(Engine.POSTGRESQL);
    }
}
