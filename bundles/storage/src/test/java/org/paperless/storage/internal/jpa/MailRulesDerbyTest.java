package org.paperless.storage.internal.jpa;

import org.paperless.storage.internal.testsupport.Engine;

class MailRulesDerbyTest extends MailRulesCases {
    MailRulesDerbyTest() {
        super(Engine.DERBY);
    }
}
