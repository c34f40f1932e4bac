package org.paperless.storage.internal.jpa;

import org.paperless.storage.internal.testsupport.Engine;

class SavedViewPostgresTest extends SavedViewCases {
    SavedViewPostgresTest() {
        super(Engine.POSTGRESQL);
    }
}
