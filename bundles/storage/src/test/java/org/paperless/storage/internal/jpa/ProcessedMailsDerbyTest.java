package org.paperless.storage.internal.jpa;

import org.paperless.storage.internal.testsupport.Engine;

class ProcessedMailsDerbyTest extends ProcessedMailsCases {
    ProcessedMailsDerbyTest() {
        super(Engine.DERBY);
    }
}
