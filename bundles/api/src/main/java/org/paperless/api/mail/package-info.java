/**
 * Mail fetching: IMAP accounts, the rules that turn their mails into documents, and the record of which
 * mails were consumed (so that each is consumed once). Accounts, rules and that record are stored by the
 * storage capability; the fetcher is a bundle of its own.
 * <p>
 * 1.1: failed attempts per mail, the unfinished records of a folder, failed mails retried on demand, and
 * what each rule did in a fetch.
 */
@Version("1.3.0")
package org.paperless.api.mail;

import org.osgi.annotation.versioning.Version;
