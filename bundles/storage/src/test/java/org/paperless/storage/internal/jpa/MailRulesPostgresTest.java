package org.paperless.storage.internal.jpa;

import org.paperless.storage.internal.testsupport.Engine;

class MailRulesPostgresTest extends MailRulesCases {
    MailRulesPostgresTest() {
        super(Engine.POSTGRESQL);
    }
}
