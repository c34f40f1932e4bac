package org.paperless.rest.internal;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.paperless.api.ConflictException;
import org.paperless.api.NotFoundException;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailAccounts;
import org.paperless.api.mail.MailFetcher;
import org.paperless.api.mail.MailRule;
import org.paperless.api.mail.MailRules;
import org.paperless.api.storage.ObjectRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/mail_accounts/} and {@code /api/mail_rules/}: the IMAP accounts fetched from and their rules, the same
 * ones as the console's {@code paperless:mail-*}. They belong to the instance, not to a user: admins only.
 */
final class MailResource {

    private static final Logger LOG = LoggerFactory.getLogger(MailResource.class);

    private final Services services;
    private final String baseUrl;
    private final java.util.function.Consumer<Runnable> background;

    /** @param background runs {@code process}'s fetch after the request is answered */
    MailResource(Services services, String baseUrl, java.util.function.Consumer<Runnable> background) {
        this.services = services;
        this.baseUrl = baseUrl;
        this.background = background;
    }

    void routes(List<Route> routes) {
        routes.add(Route.of("GET", "/mail_accounts/", r -> list(r, accounts().list().stream()
                .sorted(Comparator.comparing(MailAccount::name, String.CASE_INSENSITIVE_ORDER)).toList(),
                MailAccount::id, MailJson::account)));
        routes.add(Route.of("POST", "/mail_accounts/", this::createAccount));
        routes.add(Route.of("POST", "/mail_accounts/test/", this::test));
        routes.add(Route.of("GET", "/mail_accounts/{id}/", r -> Reply.ok(MailJson.account(account(r)))));
        routes.add(Route.of("PATCH", "/mail_accounts/{id}/", r -> updateAccount(r)));
        routes.add(Route.of("PUT", "/mail_accounts/{id}/", r -> updateAccount(r)));
        routes.add(Route.of("DELETE", "/mail_accounts/{id}/", r -> {
            accounts().delete(account(r).id());
            return Reply.noContent();
        }));
        routes.add(Route.of("POST", "/mail_accounts/{id}/process/", this::process));
        routes.add(Route.of("GET", "/mail_rules/", r -> list(r, rules().list().stream()
                .sorted(Comparator.comparingInt(MailRule::order).thenComparing(MailRule::id)).toList(),
                MailRule::id, MailJson::rule)));
        routes.add(Route.of("POST", "/mail_rules/", this::createRule));
        routes.add(Route.of("GET", "/processed_mail/", this::processed));
        routes.add(Route.of("POST", "/processed_mail/bulk_delete/", this::forgetProcessed));
        routes.add(Route.of("GET", "/mail_rules/{id}/", r -> Reply.ok(MailJson.rule(rule(r)))));
        routes.add(Route.of("PATCH", "/mail_rules/{id}/", this::updateRule));
        routes.add(Route.of("PUT", "/mail_rules/{id}/", this::updateRule));
        routes.add(Route.of("DELETE", "/mail_rules/{id}/", r -> {
            rules().delete(rule(r).id());
            return Reply.noContent();
        }));
    }

    private MailAccounts accounts() {
        return Services.need(services.mailAccounts, "mail storage", "paperless-storage");
    }

    private MailRules rules() {
        return Services.need(services.mailRules, "mail storage", "paperless-storage");
    }

    private <T> Reply list(ApiRequest r, List<T> all, java.util.function.Function<T, Long> id,
            java.util.function.Function<T, Map<String, Object>> json) {
        UsersResource.requireAdmin(r);
        Paging paging = Paging.of(r);
        paging.check(all.size());
        List<T> page = all.subList(Math.min(paging.offset(), all.size()), Math.min(paging.offset() + paging.size(), all.size()));
        return Reply.ok(paging.answer(r, baseUrl, all.size(), all.stream().map(id).toList(), page.stream().map(json).toList()));
    }

    private MailAccount account(ApiRequest r) {
        UsersResource.requireAdmin(r);
        return accounts().find(r.id()).orElseThrow(() -> ApiException.detail(404, "No MailAccount matches the given query."));
    }

    private MailRule rule(ApiRequest r) {
        UsersResource.requireAdmin(r);
        return rules().find(r.id()).orElseThrow(() -> ApiException.detail(404, "No MailRule matches the given query."));
    }

    private Reply createAccount(ApiRequest r) throws IOException {
        UsersResource.requireAdmin(r);
        MailAccount account = MailJson.account(r.json(), null);
        return Reply.created(MailJson.account(stored(() -> accounts().create(account))));
    }

    private Reply updateAccount(ApiRequest r) throws IOException {
        MailAccount existing = account(r);
        MailAccount changed = MailJson.account(r.json(), existing);
        return Reply.ok(MailJson.account(stored(() -> accounts().update(changed))));
    }

    /** paperless-ngx's connection test: {@code {"success": true}}, or 400 "Unable to connect to server". */
    private Reply test(ApiRequest r) throws IOException {
        UsersResource.requireAdmin(r);
        ObjectNode body = r.json();
        MailAccount existing = body.path("id").isIntegralNumber() ? accounts().find(body.get("id").asLong()).orElse(null) : null;
        body.remove("id");
        if (!body.has("name")) {
            body.put("name", "test");
        }
        MailAccount account = MailJson.account(body, existing);
        MailFetcher fetcher = Services.need(services.mailFetcher, "mail fetcher", "paperless-mail");
        try {
            fetcher.test(account);
        } catch (RuntimeException e) {
            LOG.info("Mail account test of {} failed: {}", account.host(), e.getMessage());
            throw ApiException.detail(400, "Unable to connect to server: " + e.getMessage());
        }
        return Reply.ok(Map.of("success", true));
    }

    /** Fetches the account now, in the background, as paperless-ngx's {@code process}. */
    private Reply process(ApiRequest r) {
        MailAccount account = account(r);
        MailFetcher fetcher = Services.need(services.mailFetcher, "mail fetcher", "paperless-mail");
        background.accept(() -> {
            try {
                fetcher.fetch(account.name());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("Fetching mail account {} failed", account.name(), e);
            }
        });
        return Reply.ok(Map.of("result", "OK"));
    }

    /** The record of fetched mails, newest first, as paperless-ngx's {@code /api/processed_mail/} (filter {@code rule}). */
    private Reply processed(ApiRequest r) {
        UsersResource.requireAdmin(r);
        org.paperless.api.mail.ProcessedMails mails = Services.need(services.processedMails, "mail storage", "paperless-storage");
        java.util.Optional<Long> rule = r.numbers("rule").map(ids -> ids.iterator().next());
        List<org.paperless.api.mail.ProcessedMail> all = mails.recent(MAX_PROCESSED).stream()
                .filter(m -> rule.isEmpty() || m.ruleId() == rule.get()).toList();
        return list(r, all, org.paperless.api.mail.ProcessedMail::id, MailJson::processed);
    }

    /** {@code {"mail_ids": [...]}}: those records forgotten (their mails fetched again if a rule takes them). */
    private Reply forgetProcessed(ApiRequest r) throws IOException {
        UsersResource.requireAdmin(r);
        com.fasterxml.jackson.databind.JsonNode ids = r.json().get("mail_ids");
        List<Long> mailIds = new java.util.ArrayList<>();
        if (ids == null || !ids.isArray() || ids.size() > org.paperless.api.storage.DocumentQuery.MAX_VALUES) {
            throw ApiException.detail(400, "mail_ids must be a list of integers");
        }
        for (com.fasterxml.jackson.databind.JsonNode id : ids) {
            if (!id.isIntegralNumber() || !id.canConvertToLong()) {
                throw ApiException.detail(400, "mail_ids must be a list of integers");
            }
            mailIds.add(id.asLong());
        }
        Services.need(services.processedMails, "mail storage", "paperless-storage").delete(mailIds);
        return Reply.ok(Map.of("result", "OK", "deleted_mail_ids", mailIds));
    }

    /** The most fetched mails {@code /api/processed_mail/} lists. */
    static final int MAX_PROCESSED = 10_000;

    private Reply createRule(ApiRequest r) throws IOException {
        UsersResource.requireAdmin(r);
        MailRule rule = checked(MailJson.rule(r.json(), null));
        return Reply.created(MailJson.rule(stored(() -> rules().create(rule))));
    }

    private Reply updateRule(ApiRequest r) throws IOException {
        MailRule existing = rule(r);
        MailRule changed = checked(MailJson.rule(r.json(), existing));
        return Reply.ok(MailJson.rule(stored(() -> rules().update(changed))));
    }

    /** The objects a rule names exist. */
    private MailRule checked(MailRule rule) {
        if (accounts().find(rule.accountId()).isEmpty()) {
            throw ApiException.invalid("account", "Invalid pk \"" + rule.accountId() + "\" - object does not exist.");
        }
        exists("assign_correspondent", rule.correspondentId(), services.correspondents());
        exists("assign_document_type", rule.documentTypeId(), services.documentTypes());
        for (Long tag : rule.tagIds()) {
            exists("assign_tags", tag, services.tags());
        }
        return rule;
    }

    private static void exists(String field, Long id, ObjectRepository<?> repository) {
        if (id != null && repository.find(id).isEmpty()) {
            throw ApiException.invalid(field, "Invalid pk \"" + id + "\" - object does not exist.");
        }
    }

    private interface Store<T> {
        T run();
    }

    private static <T> T stored(Store<T> store) {
        try {
            return store.run();
        } catch (ConflictException | IllegalArgumentException e) {
            throw ApiException.invalid("name", e.getMessage());
        } catch (NotFoundException e) {
            throw ApiException.detail(404, e.getMessage());
        }
    }
}
