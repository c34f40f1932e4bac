package org.paperless.storage.internal.jpa;

import org.paperless.storage.internal.testsupport.Engine;

class TaskLogPostgresTest extends TaskLogCases {
    TaskLogPostgresTest() {
        super(Engine.POSTGRESQL);
    }
}
