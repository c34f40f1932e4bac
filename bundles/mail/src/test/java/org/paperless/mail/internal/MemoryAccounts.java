package org.paperless.mail.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailAccounts;

/** Accounts in memory. */
final class MemoryAccounts implements MailAccounts {

    private final List<MailAccount> accounts = new ArrayList<>();
    private final AtomicLong ids;

    MemoryAccounts(AtomicLong ids) {
        this.ids = ids;
    }

    @Override
    public synchronized List<MailAccount> list() {
        return accounts.stream().sorted(Comparator.comparing(MailAccount::name)).toList();
    }

    @Override
    public synchronized Optional<MailAccount> find(long id) {
        return accounts.stream().filter(a -> a.id() == id).findFirst();
    }

    @Override
    public synchronized Optional<MailAccount> findByName(String name) {
        return accounts.stream().filter(a -> a.name().equalsIgnoreCase(name)).findFirst();
    }

    @Override
    public synchronized MailAccount create(MailAccount account) {
        MailAccount stored = account.withId(ids.incrementAndGet());
        accounts.add(stored);
        return stored;
    }

    @Override
    public synchronized MailAccount update(MailAccount account) {
        accounts.removeIf(a -> a.id().equals(account.id()));
        accounts.add(account);
        return account;
    }

    @Override
    public synchronized void delete(long id) {
        accounts.removeIf(a -> a.id() == id);
    }
}
