package org.paperless.mail.internal;

/**
 * The correspondent of a name, created when there is none (as paperless-ngx: matching the name literally):
 * the consumer takes only correspondents that exist.
 */
@FunctionalInterface
interface CorrespondentNames {

    long idFor(String name);
}
