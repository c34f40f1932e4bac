package org.paperless.backup.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.paperless.api.mail.MailCodes;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailAccounts;
import org.paperless.api.mail.MailRule;
import org.paperless.api.mail.MailRule.CorrespondentSource;
import org.paperless.api.mail.MailRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mail accounts and rules of a manifest (ours or paperless-ngx's). Everything that can be refused is
 * refused before the import writes anything: the records are mapped, the passwords decrypted, the names
 * checked against this instance. They are stored right after the collection's transaction committed, through
 * the mail services: those run transactions of their own, which cannot join the import's (a rule names tags
 * that exist only once it committed). Should that step fail, the accounts it stored are removed again and the
 * error says that the collection was imported without them.
 */
final class MailImport {

    static final String SKIPPED_ACCOUNT = ManifestFiles.MAIL_ACCOUNT + " (Gmail or Outlook OAuth, or token login)";
    static final String SKIPPED_RULE = ManifestFiles.MAIL_RULE + " (its account is not imported)";
    private static final Logger LOG = LoggerFactory.getLogger(MailImport.class);

    /** An account and the pk the export gives it. */
    private record Account(long pk, MailAccount account) {
    }

    /** A rule whose account, tags, type and correspondent are still the export's pks. */
    private record Rule(long pk, MailRule rule) {
    }

    private final List<Account> accounts = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, Long> skipped = new TreeMap<>();

    private MailImport() {
    }

    /**
     * Reads the mail records, with their passwords in clear text.
     *
     * @param passwords how the export's password fields are read
     * @param existing the instance's accounts and rules, whose names the import must not take
     */
    static MailImport prepare(List<JsonNode> accountRecords, List<JsonNode> ruleRecords, Passwords passwords,
            MailAccounts existing, MailRules existingRules) {
        MailImport mail = new MailImport();
        if (accountRecords.isEmpty() && ruleRecords.isEmpty()) {
            return mail;
        }
        Set<String> accountNames = names(existing.list().stream().map(MailAccount::name).toList());
        Set<String> ruleNames = names(existingRules.list().stream().map(MailRule::name).toList());
        Set<String> takenHere = new HashSet<>(accountNames);
        for (JsonNode r : accountRecords) {
            JsonNode f = r.path("fields");
            long pk = r.path("pk").asLong();
            String name = f.path("name").asText();
            if (f.path("account_type").asInt(MailCodes.ACCOUNT_IMAP) != MailCodes.ACCOUNT_IMAP
                    || f.path("is_token").asBoolean(false)) {
                LOG.warn("Mail account '{}' logs in with OAuth or a token, which is not supported here (IMAP with a "
                        + "password only): not imported, nor its rules", name);
                mail.skipped.merge(SKIPPED_ACCOUNT, 1L, Long::sum);
                continue;
            }
            refuseTaken(accountNames, name, "mail account", "paperless:mail-account-remove");
            String password = passwords.reveal(f.path("password"), name);
            String unique = unique(takenHere, name, pk, "Mail account");
            MailAccount account = mapped(r, "mail account", () -> RecordMapping.mailAccount(r, unique, password));
            if (r.path(ManifestFiles.PASSWORD_LEFT_OUT).asBoolean(false)) {
                LOG.warn("Mail account '{}' comes without its password (the export was made without --passphrase): "
                        + "enter it with paperless:mail-account-change --password ... {}", account.name(), account.name());
            }
            mail.accounts.add(new Account(pk, account));
        }
        Set<Long> imported = new HashSet<>();
        mail.accounts.forEach(a -> imported.add(a.pk()));
        Set<String> rulesHere = new HashSet<>(ruleNames);
        for (JsonNode r : ruleRecords) {
            JsonNode f = r.path("fields");
            long pk = r.path("pk").asLong();
            String name = f.path("name").asText();
            if (!imported.contains(f.path("account").asLong())) {
                mail.skipped.merge(SKIPPED_RULE, 1L, Long::sum);
                continue;
            }
            refuseTaken(ruleNames, name, "mail rule", "paperless:mail-rule-remove");
            String unique = unique(rulesHere, name, pk, "Mail rule");
            MailRule rule = mapped(r, "mail rule", () -> RecordMapping.mailRule(r, unique));
            if (rule.action() == MailRule.Action.KEYWORD && rule.actionParameter().toLowerCase(Locale.ROOT).startsWith("apple:")) {
                LOG.warn("Mail rule '{}' has paperless-ngx set the Apple Mail colour flag '{}'; here that text is added as "
                        + "an IMAP keyword, which Apple Mail does not show as a colour", rule.name(), rule.actionParameter());
            }
            mail.rules.add(new Rule(pk, rule));
        }
        return mail;
    }

    /**
     * Stores the accounts and rules, their references mapped to this instance's ids; a reference to an
     * object the export lacks is dropped with a warning.
     */
    void store(MailAccounts mailAccounts, MailRules mailRules, IdMaps ids) throws IOException {
        List<Long> created = new ArrayList<>();
        try {
            Map<Long, Long> accountIds = new HashMap<>();
            for (Account a : accounts) {
                MailAccount stored = mailAccounts.create(a.account());
                created.add(stored.id());
                accountIds.put(a.pk(), stored.id());
            }
            for (Rule r : rules) {
                mailRules.create(withIdsOfThisInstance(r.rule(), accountIds.get(r.rule().accountId()), ids));
            }
        } catch (RuntimeException e) {
            for (Long id : created) {
                try {
                    mailAccounts.delete(id); // its rules go with it
                } catch (RuntimeException again) {
                    LOG.warn("Mail account {} stored by the import could not be removed again: {}", id, again.getMessage());
                }
            }
            throw new IOException("The documents and objects were imported, but not the mail accounts and rules ("
                    + e.getMessage() + "): add them with paperless:mail-account-add and paperless:mail-rule-add", e);
        }
    }

    long accounts() {
        return accounts.size();
    }

    long rules() {
        return rules.size();
    }

    Map<String, Long> skipped() {
        return skipped;
    }

    private static MailRule withIdsOfThisInstance(MailRule r, long accountId, IdMaps ids) {
        List<Long> tags = new ArrayList<>();
        for (Long pk : r.tagIds()) {
            Long id = ids.tags().get(pk);
            if (id == null) {
                LOG.warn("Mail rule '{}' names tag {}, which the export lacks: imported without it", r.name(), pk);
            } else {
                tags.add(id);
            }
        }
        Long type = mappedOrDropped(r.documentTypeId(), ids.types(), r.name(), "document type");
        Long correspondent = mappedOrDropped(r.correspondentId(), ids.correspondents(), r.name(), "correspondent");
        CorrespondentSource from = r.correspondentFrom() == CorrespondentSource.CUSTOM && correspondent == null
                ? CorrespondentSource.NOTHING : r.correspondentFrom();
        return new MailRule(null, accountId, r.name(), r.order(), r.enabled(), r.folder(), r.filterFrom(), r.filterTo(),
                r.filterSubject(), r.filterBody(), r.attachmentInclude(), r.attachmentExclude(), r.maximumAgeDays(),
                r.attachmentType(), r.scope(), r.titleFrom(), from, correspondent, type, tags, r.action(),
                r.actionParameter(), r.stopProcessing());
    }

    private static Long mappedOrDropped(Long pk, Map<Long, Long> ids, String rule, String what) {
        if (pk == null) {
            return null;
        }
        Long id = ids.get(pk);
        if (id == null) {
            LOG.warn("Mail rule '{}' names {} {}, which the export lacks: imported without it", rule, what, pk);
        }
        return id;
    }

    private static Set<String> names(List<String> names) {
        Set<String> lower = new HashSet<>();
        names.forEach(n -> lower.add(n.toLowerCase(Locale.ROOT)));
        return lower;
    }

    private static void refuseTaken(Set<String> existing, String name, String what, String remove) {
        if (existing.contains(name.strip().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Nothing was imported: this instance already holds a " + what + " named '"
                    + name + "'. Import into a fresh instance, or remove it first (" + remove + ")");
        }
    }

    /**
     * Names are unique here regardless of case; paperless-ngx allows "Bills" beside "bills", and rules of the
     * same name for different owners. The second one gets its pk added.
     */
    private static String unique(Set<String> taken, String name, long pk, String what) {
        String chosen = name;
        if (taken.contains(name.strip().toLowerCase(Locale.ROOT))) {
            chosen = name.strip() + " (" + pk + ")";
            LOG.warn("{} '{}' is there twice in the export: the one numbered {} is imported as '{}'", what, name, pk, chosen);
        }
        taken.add(chosen.strip().toLowerCase(Locale.ROOT));
        return chosen;
    }

    private interface Mapping<T> {
        T map();
    }

    /** A record this version cannot take refuses the import, naming it. */
    private static <T> T mapped(JsonNode r, String what, Mapping<T> mapping) {
        try {
            return mapping.map();
        } catch (IllegalArgumentException | NullPointerException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IllegalArgumentException("Nothing was imported: the " + what + " '" + r.path("fields").path("name")
                    .asText() + "' (pk " + r.path("pk").asText() + ") in the manifest cannot be taken: " + reason, e);
        }
    }
}
