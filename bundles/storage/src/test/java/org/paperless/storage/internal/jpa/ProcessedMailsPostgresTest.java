package org.paperless.storage.internal.jpa;

import org.paperless.storage.internal.testsupport.Engine;

class ProcessedMailsPostgresTest extends ProcessedMailsCases {
    ProcessedMailsPostgresTest() {
        super(Engine.POSTGRESQL);
    }
}
