package org.paperless.api.mail;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.paperless.api.NotFoundException;

/**
 * The stored mail accounts, offered by storage. Passwords are encrypted in the database with a key kept
 * under the data folder; this service hands them out in clear text to the fetcher and the exporter only.
 * Reading an account never fails over its password: one that cannot be decrypted (the key file lost or
 * replaced) comes back empty, and {@link #passwordProblem(long)} says why, so that the account can still be
 * listed and changed (its password entered again).
 */
@ProviderType
public interface MailAccounts {

    /** By name. */
    List<MailAccount> list();

    Optional<MailAccount> find(long id);

    /** Case-insensitive. */
    Optional<MailAccount> findByName(String name);

    /** Stores a new account (its id null); a name already taken is refused (ConflictException). */
    MailAccount create(MailAccount account);

    /** Replaces the stored account with the same id. */
    MailAccount update(MailAccount account);

    /** Removes the account with its rules and its record of processed mails; documents stay. */
    void delete(long id);

    /**
     * Why the stored password of an account cannot be decrypted, as a message for the user (naming the
     * key file and paperless:mail-account-change); empty when it can, or when there is none. The fetcher
     * asks before it logs in with an empty password.
     */
    default Optional<String> passwordProblem(long id) {
        return Optional.empty();
    }

    /** Finds by id when the text is a number, else by name. */
    default MailAccount resolve(String idOrName) {
        if (idOrName.matches("\\d+")) {
            Optional<MailAccount> byId = find(Long.parseLong(idOrName));
            if (byId.isPresent()) {
                return byId.get();
            }
        }
        return findByName(idOrName).orElseThrow(
                () -> new NotFoundException("No mail account named or numbered '" + idOrName + "'"));
    }
}
