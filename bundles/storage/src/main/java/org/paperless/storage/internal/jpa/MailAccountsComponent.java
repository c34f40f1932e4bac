package org.paperless.storage.internal.jpa;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.paperless.api.ConflictException;
import org.paperless.api.NotFoundException;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailAccounts;
import org.paperless.api.storage.DataFolders;
import org.paperless.api.storage.SchemaMigrations;
import org.paperless.storage.internal.entity.MailAccountEntity;
import org.paperless.storage.internal.secrets.MailKeyFile;
import org.paperless.storage.internal.secrets.PasswordCipher;
import org.paperless.storage.internal.secrets.PasswordCipher.UnreadablePasswordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mail accounts with their passwords encrypted (see {@link PasswordCipher}). A password that cannot be
 * decrypted reads as empty, so listing and changing still work; {@link #passwordProblem} says why.
 * Deleting an account deletes its rules and its record of processed mails with it (ON DELETE CASCADE).
 */
@Component(service = MailAccounts.class)
public class MailAccountsComponent implements MailAccounts {

    /** What fits the column once encrypted: 12 IV + 16 tag bytes, base64, "v1:", within 2048 characters. */
    static final int PASSWORD_MAX_BYTES = 1500;

    private static final Logger LOG = LoggerFactory.getLogger(MailAccountsComponent.class);

    private final Transactions transactions;
    private final PasswordCipher passwords;

    /**
     * @param migrations only referenced so that nothing uses JPA before the schema is current
     * @param folders where the key file lives (data/secrets/mail.key)
     */
    @Activate
    public MailAccountsComponent(@Reference(target = PersistenceUnit.TARGET) EntityManagerFactory factory,
            @Reference SchemaMigrations migrations, @Reference DataFolders folders) {
        this.transactions = new Transactions(factory);
        this.passwords = new PasswordCipher(MailKeyFile.in(folders));
    }

    @Override
    public List<MailAccount> list() {
        return transactions.read(em -> em.createQuery("SELECT a FROM MailAccountEntity a ORDER BY a.id",
                MailAccountEntity.class).getResultList()).stream()
                .map(this::toRecord)
                .sorted(Comparator.comparing(MailAccount::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    @Override
    public Optional<MailAccount> find(long id) {
        return transactions.read(em -> Optional.ofNullable(em.find(MailAccountEntity.class, id))).map(this::toRecord);
    }

    @Override
    public Optional<MailAccount> findByName(String name) {
        return transactions.read(em -> byName(em, name)).map(this::toRecord);
    }

    @Override
    public Optional<String> passwordProblem(long id) {
        MailAccountEntity entity = transactions.read(em -> em.find(MailAccountEntity.class, id));
        if (entity == null) {
            return Optional.empty();
        }
        try {
            passwords.decrypt(entity.getPasswordEncrypted());
            return Optional.empty();
        } catch (UnreadablePasswordException e) {
            return Optional.of(problem(entity, e));
        }
    }

    @Override
    public MailAccount create(MailAccount account) {
        if (account.id() != null) {
            throw new IllegalArgumentException("a new mail account has no id yet (got " + account.id() + ")");
        }
        checkLengths(account);
        String encrypted = passwords.encrypt(account.password()); // outside the transaction: may write the key file
        return transactions.callApart(em -> {
            checkUniqueName(em, account);
            MailAccountEntity entity = new MailAccountEntity();
            copy(account, encrypted, entity);
            em.persist(entity);
            em.flush();
            return account.withId(entity.getId());
        });
    }

    /**
     * An empty password replaces a readable one, but not one that cannot be decrypted: changing the host
     * while the key file is missing keeps the stored password for when the key comes back.
     */
    @Override
    public MailAccount update(MailAccount account) {
        if (account.id() == null) {
            throw new IllegalArgumentException("which mail account to update? The id is missing");
        }
        checkLengths(account);
        String encrypted = passwords.encrypt(account.password());
        return transactions.callApart(em -> {
            MailAccountEntity entity = existing(em, account.id());
            checkUniqueName(em, account);
            String stored = entity.getPasswordEncrypted();
            copy(account, encrypted == null && !readable(stored) ? stored : encrypted, entity);
            em.flush();
            return account;
        });
    }

    @Override
    public void delete(long id) {
        transactions.callApart(em -> {
            em.remove(existing(em, id));
            return null;
        });
    }

    private MailAccount toRecord(MailAccountEntity e) {
        String password;
        try {
            password = passwords.decrypt(e.getPasswordEncrypted());
        } catch (UnreadablePasswordException unreadable) {
            LOG.warn("{}", problem(e, unreadable));
            password = "";
        }
        return new MailAccount(e.getId(), e.getName(), e.getHost(), e.getPort(),
                MailAccount.Security.valueOf(e.getSecurity()), e.getUsername(), password, e.getCharacterSet());
    }

    private boolean readable(String stored) {
        try {
            passwords.decrypt(stored);
            return true;
        } catch (UnreadablePasswordException e) {
            return false;
        }
    }

    private static String problem(MailAccountEntity e, UnreadablePasswordException why) {
        String enterAgain = "enter it again with paperless:mail-account-change " + e.getName();
        return "The password of mail account '" + e.getName() + "' cannot be read: " + why.getMessage() + ". "
                + (why.keyFileBroken() ? "Restore the key file from a backup, or remove it and " + enterAgain
                        : Character.toUpperCase(enterAgain.charAt(0)) + enterAgain.substring(1));
    }

    private static void copy(MailAccount account, String encryptedPassword, MailAccountEntity entity) {
        entity.setName(account.name());
        entity.setHost(account.host());
        entity.setPort(account.port());
        entity.setSecurity(account.security().name());
        entity.setUsername(account.user());
        entity.setPasswordEncrypted(encryptedPassword);
        entity.setCharacterSet(account.characterSet());
    }

    private static void checkLengths(MailAccount account) {
        if (account.characterSet().length() > MailAccountEntity.CHARACTER_SET_LENGTH) {
            throw new IllegalArgumentException("The character set is longer than "
                    + MailAccountEntity.CHARACTER_SET_LENGTH + " characters");
        }
        if (account.password().getBytes(StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES) {
            throw new IllegalArgumentException("The password is longer than " + PASSWORD_MAX_BYTES + " bytes (UTF-8)");
        }
    }

    private static MailAccountEntity existing(EntityManager em, long id) {
        MailAccountEntity entity = em.find(MailAccountEntity.class, id);
        if (entity == null) {
            throw new NotFoundException("No mail account with id " + id);
        }
        return entity;
    }

    private static void checkUniqueName(EntityManager em, MailAccount account) {
        byName(em, account.name())
                .filter(other -> !other.getId().equals(account.id()))
                .ifPresent(other -> {
                    throw new ConflictException("A mail account named '" + other.getName() + "' already exists (id "
                            + other.getId() + ")");
                });
    }

    static Optional<MailAccountEntity> byName(EntityManager em, String name) {
        return em.createQuery("SELECT a FROM MailAccountEntity a WHERE LOWER(a.name) = :name", MailAccountEntity.class)
                .setParameter("name", name.strip().toLowerCase(Locale.ROOT))
                .getResultList().stream().findFirst();
    }
}
