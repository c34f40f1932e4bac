package org.paperless.storage.internal.jpa;

import org.paperless.storage.internal.testsupport.Engine;

class CustomFieldPostgresTest extends CustomFieldCases {
    CustomFieldPostgresTest() {
        super(Engine.POSTGRESQL);
    }
}
