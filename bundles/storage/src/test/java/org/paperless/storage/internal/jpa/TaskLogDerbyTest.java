package org.paperless.storage.internal.jpa;

import org.paperless.storage.internal.testsupport.Engine;

class TaskLogDerbyTest extends TaskLogCases {
    TaskLogDerbyTest() {
        super(Engine.DERBY);
    }
}
