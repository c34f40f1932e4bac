package org.paperless.storage.internal.jpa;

import org.paperless.storage.internal.testsupport.Engine;

class SavedViewDerbyTest extends SavedViewCases {
    SavedViewDerbyTest() {
        super(Engine.DERBY);
    }
}
