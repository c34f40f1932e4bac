package org.paperless.storage.internal.jpa;

import org.paperless.storage.internal.testsupport.Engine;

class CustomFieldDerbyTest extends CustomFieldCases {
    CustomFieldDerbyTest() {
        super(Engine.DERBY);
    }
}
