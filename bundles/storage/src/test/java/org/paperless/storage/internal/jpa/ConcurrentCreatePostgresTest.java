package org.paperless.storage.internal.jpa;

import org.paperless.storage.internal.testsupport.Engine;

class ConcurrentCreatePostgresTest extends ConcurrentCreateCases {
    ConcurrentCreatePostgresTest() {
        super(Engine.POSTGRESQL);
    }
}
