package org.paperless.storage.internal.jpa;

import org.paperless.storage.internal.testsupport.Engine;

class MailAccountsDerbyTest extends MailAccountsCases {
    MailAccountsDerbyTest() {
        super(Engine.DERBY);
    }
}
