package org.paperless.storage.internal.jpa;

import org.paperless.storage.internal.testsupport.Engine;

class ConcurrentCreateDerbyTest extends ConcurrentCreateCases {
    ConcurrentCreateDerbyTest() {
        super(Engine.DERBY);
    }
}
