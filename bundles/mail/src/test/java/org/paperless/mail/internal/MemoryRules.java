package org.paperless.mail.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.paperless.api.mail.MailRule;
import org.paperless.api.mail.MailRules;

/** Rules in memory. */
final class MemoryRules implements MailRules {

    private final List<MailRule> rules = new ArrayList<>();
    private final AtomicLong ids;

    MemoryRules(AtomicLong ids) {
        this.ids = ids;
    }

    @Override
    public synchronized List<MailRule> list() {
        return List.copyOf(rules);
    }

    @Override
    public synchronized List<MailRule> listFor(long accountId) {
        return rules.stream().filter(r -> r.accountId() == accountId)
                .sorted(Comparator.comparingInt(MailRule::order).thenComparing(MailRule::id)).toList();
    }

    @Override
    public synchronized Optional<MailRule> find(long id) {
        return rules.stream().filter(r -> r.id() == id).findFirst();
    }

    @Override
    public synchronized Optional<MailRule> findByName(String name) {
        return rules.stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst();
    }

    @Override
    public synchronized MailRule create(MailRule rule) {
        MailRule stored = rule.withId(ids.incrementAndGet());
        rules.add(stored);
        return stored;
    }

    @Override
    public synchronized MailRule update(MailRule rule) {
        rules.removeIf(r -> r.id().equals(rule.id()));
        rules.add(rule);
        return rule;
    }

    @Override
    public synchronized void delete(long id) {
        rules.removeIf(r -> r.id() == id);
    }
}
