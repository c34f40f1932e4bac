package org.paperless.api.mail;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.paperless.api.NotFoundException;

/** The stored mail rules, offered by storage. */
@ProviderType
public interface MailRules {

    /** Every rule, by account name, then order, then id. */
    List<MailRule> list();

    /** One account's rules in the order they run (order, then id). */
    List<MailRule> listFor(long accountId);

    Optional<MailRule> find(long id);

    /** Case-insensitive. */
    Optional<MailRule> findByName(String name);

    /** Stores a new rule (its id null); a name already taken, or an account, tag, type or correspondent
     * that does not exist, is refused. */
    MailRule create(MailRule rule);

    MailRule update(MailRule rule);

    void delete(long id);

    default MailRule resolve(String idOrName) {
        if (idOrName.matches("\\d+")) {
            Optional<MailRule> byId = find(Long.parseLong(idOrName));
            if (byId.isPresent()) {
                return byId.get();
            }
        }
        return findByName(idOrName).orElseThrow(
                () -> new NotFoundException("No mail rule named or numbered '" + idOrName + "'"));
    }
}
