package org.paperless.storage.internal.jpa;

import org.paperless.storage.internal.testsupport.Engine;

class MailAccountsPostgresTest extends MailAccountsCases {
    MailAccountsPostgresTest() {
        super(Engine.POSTGRESQL);
    }
}
